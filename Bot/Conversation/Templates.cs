using HandlebarsDotNet;

namespace Bot.Conversation;

public sealed class TemplateMissing(string message) : Exception(message);

// Every sentence a person reads lives in templates/*.hbs (zh-CN). All are compiled at start-up,
// so a missing or broken template stops the start instead of failing in front of a villager.
public sealed class Templates
{
    public static readonly string[] Required =
        [
            "welcome", "greeting", "thanks", "empty-hint", "help", "demand-received", "demand-list", "demand-detail",
            "demand-not-found", "no-demands", "task-assigned",
        ];

    readonly Dictionary<string, HandlebarsTemplate<object, object>> compiled = new();

    public Templates(string folder)
    {
        var handlebars = Handlebars.Create(new HandlebarsConfiguration { NoEscape = true });
        if (!Directory.Exists(folder))
            throw new TemplateMissing($"The templates folder {folder} does not exist.");
        foreach (var file in Directory.EnumerateFiles(folder, "*.hbs"))
        {
            try
            {
                compiled[Path.GetFileNameWithoutExtension(file)] = handlebars.Compile(File.ReadAllText(file));
            }
            catch (HandlebarsException e)
            {
                throw new TemplateMissing($"Template {file} does not compile: {e.Message}");
            }
        }
        var missing = Required.Where(name => !compiled.ContainsKey(name)).ToList();
        if (missing.Count > 0)
            throw new TemplateMissing($"Missing template(s) in {folder}: {string.Join(", ", missing.Select(m => m + ".hbs"))}");
    }

    public string Render(string name, object? model = null) =>
        compiled.TryGetValue(name, out var template)
            ? template(model ?? new { }).Trim()
            : throw new TemplateMissing($"No template named {name}.");
}
