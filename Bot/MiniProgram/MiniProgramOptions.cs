using System.ComponentModel.DataAnnotations;

namespace Bot.MiniProgram;

public sealed class MiniProgramOptions
{
    public const string Section = "MiniProgram";

    // A relative folder is taken from the working directory, like .data/ for the dev database.
    [Required] public string MediaFolder { get; set; } = ".data/media";

    [Range(1, 50 * 1024 * 1024)] public int MaxPhotoBytes { get; set; } = 10 * 1024 * 1024;

    // How long a sign-in lasts; the mini-program logs in again (wx.login is silent) when it ends.
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromDays(7);

    public RateLimit LoginPerIp { get; set; } = new() { Permits = 30, Window = TimeSpan.FromMinutes(1) };
    public RateLimit ReportPerUser { get; set; } = new() { Permits = 10, Window = TimeSpan.FromHours(1) };
    public RateLimit ReportPerIp { get; set; } = new() { Permits = 60, Window = TimeSpan.FromHours(1) };
}

public sealed class RateLimit
{
    [Range(1, 100_000)] public int Permits { get; set; }
    public TimeSpan Window { get; set; }
}
