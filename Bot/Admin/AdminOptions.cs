using System.ComponentModel.DataAnnotations;

namespace Bot.Admin;

public sealed class AdminOptions
{
    public const string Section = "Admin";

    // Sent as "Authorization: Bearer <key>" by admin tools until staff log in through the mini-program.
    [Required, MinLength(16)] public string ApiKey { get; set; } = "";
}
