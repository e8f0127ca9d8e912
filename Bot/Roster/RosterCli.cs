using Bot.Domain.Roster;

namespace Bot.Roster;

// dotnet run --project Bot -- roster import places.csv people.csv
public static class RosterCli
{
    public static async Task<int> ImportAsync(IServiceProvider services, IReadOnlyList<string> paths)
    {
        if (paths.Count == 0)
        {
            await Console.Error.WriteLineAsync("usage: roster import FILE.csv [FILE.csv ...]");
            return 2;
        }
        var missing = paths.Where(p => !File.Exists(p)).ToList();
        if (missing.Count > 0)
        {
            await Console.Error.WriteLineAsync($"error: no such file: {string.Join(", ", missing)}");
            return 2;
        }
        try
        {
            var files = paths.Select(p => (Path.GetFileName(p), File.ReadAllBytes(p))).ToList();
            var result = await services.GetRequiredService<RosterImporter>().ImportAsync(files);
            Console.WriteLine($"imported: {result.Created} created, {result.Updated} updated, {result.Unchanged} unchanged");
            return 0;
        }
        catch (RosterRejected e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return 1;
        }
    }
}
