using System.ComponentModel.DataAnnotations;

namespace Bot.Domain.Storage;

public sealed class DatabaseOptions
{
    public const string Section = "Database";

    [Required] public string ConnectionString { get; set; } = "";

    // How long start-up keeps trying a database that does not answer yet (it may be starting
    // beside the bot) before giving up with a clear error.
    [Range(0, 3600)] public int StartupWaitSeconds { get; set; } = 30;
}
