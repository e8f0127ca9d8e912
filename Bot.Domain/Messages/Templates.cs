using HandlebarsDotNet;

namespace Bot.Domain.Messages;

public sealed class TemplateMissing(string message) : Exception(message);

// Every sentence a person reads lives in templates/*.hbs (zh-CN). All are compiled at start-up,
// so a missing or broken template stops the start instead of failing in front of a villager.
public sealed class Templates
{
    public static readonly string[] Required =
    [
        "attached", "bind-bad-phone", "bind-prompt", "bind-unmatched", "bound", "demand-detail",
        "demand-list", "demand-not-found", "demand-received", "echo-wall", "empty-hint", "greeting",
        "help", "help-staff", "no-demands", "no-tasks", "no-triage", "nothing-to-rate",
        "person-not-found", "push-accepted", "push-escalated", "push-progress", "push-resolved",
        "rated-ask-comment", "rated-reopened", "rated-thanks", "comment-recorded", "refused-illegal", "refused-not-permitted", "refused-stale", "refused-top-level",
        "report-prompt", "staff-done", "staff-only", "task-assigned", "task-escalated", "task-handed-over",
        "task-list", "task-not-found", "thanks", "triage-list", "welcome", "withdrawn",
        // pushes the jobs send (Bot.Jobs)
        "evaluation-warning", "overdue-alert", "remind-accept", "remind-deadline", "remind-due", "survey-card", "survey-reminder",
        "weekly-report",
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
