using System.Reflection;
using System.Text.RegularExpressions;

namespace Bot.Domain.Storage;

public sealed record Migration(int Version, string Name, string Sql)
{
    static readonly Regex FileName = new(@"^(\d{4})_([a-z0-9_]+)\.sql$");

    public string File => $"{Version:D4}_{Name}.sql";

    // Statements end with a semicolon at the end of a line; none of ours spans that pattern.
    public IReadOnlyList<string> Statements() =>
        Regex.Split(Sql, @";[ \t]*\r?\n|;[ \t]*$")
            .Select(s => s.Trim())
            .Where(s => s.Length > 0 && !s.Split('\n').All(l => l.TrimStart().StartsWith("--") || l.Trim().Length == 0))
            .ToList();

    public static IReadOnlyList<Migration> Embedded()
    {
        var assembly = typeof(Migration).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith("Migrations."))
            .Select(n => Parse(n["Migrations.".Length..], Read(assembly, n)))
            .OrderBy(m => m.Version)
            .ToList();
    }

    public static Migration Parse(string fileName, string sql)
    {
        var match = FileName.Match(fileName);
        if (!match.Success)
            throw new InvalidOperationException($"Migration file '{fileName}' is not named NNNN_what_changes.sql.");
        return new Migration(int.Parse(match.Groups[1].Value), match.Groups[2].Value, sql);
    }

    static string Read(Assembly assembly, string resource)
    {
        using var reader = new StreamReader(assembly.GetManifestResourceStream(resource)!);
        return reader.ReadToEnd();
    }
}
