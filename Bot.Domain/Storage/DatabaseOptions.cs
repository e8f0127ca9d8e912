using System.ComponentModel.DataAnnotations;

namespace Bot.Domain.Storage;

public sealed class DatabaseOptions
{
    public const string Section = "Database";

    [Required] public string ConnectionString { get; set; } = "";
}
