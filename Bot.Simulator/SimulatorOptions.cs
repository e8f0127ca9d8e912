using System.ComponentModel.DataAnnotations;

namespace Bot.Simulator;

public enum CallbackMode { Plaintext, Compatible, Safe }

// What the simulated console and platform are configured with. Defaults are the test values of
// wechat-platform.md §1.6, so a bot configured with those talks to the simulator out of the box.
public sealed class SimulatorOptions
{
    public const string Section = "Simulator";

    [Required, Url] public string BotCallbackUrl { get; set; } = "http://127.0.0.1:5080/wechat";
    [Required, RegularExpression("^[A-Za-z0-9]{3,32}$")] public string Token { get; set; } = "villageToken2024";
    [Required, RegularExpression("^[A-Za-z0-9]{43}$")] public string EncodingAESKey { get; set; } = "Zm9yVGVzdGluZ09ubHlOb3RBUmVhbEtleTEyMzQ1Njc";
    [Required] public string AppId { get; set; } = "wx0123456789abcdef";
    [Required] public string AppSecret { get; set; } = "simulator-oa-secret";
    // The Official Account's original id, the ToUserName of every callback.
    [Required] public string OriginalId { get; set; } = "gh_0a1b2c3d4e5f";
    public CallbackMode Mode { get; set; } = CallbackMode.Safe;

    [Required] public string MiniProgramAppId { get; set; } = "wxfedcba9876543210";
    [Required] public string MiniProgramSecret { get; set; } = "simulator-mp-secret";
    // Both apps bound to one Open Platform account: jscode2session and user/info return unionids.
    public bool UnionIdBound { get; set; } = true;

    // §3.1: the platform waits 5 s, then sends the same body again; "three retries" is read as original + 3.
    public TimeSpan ReplyTimeout { get; set; } = TimeSpan.FromSeconds(5);
    [Range(0, 10)] public int Retries { get; set; } = 3;
    public TimeSpan RetrySpacing { get; set; } = TimeSpan.Zero;

    [Range(1, 1_000_000)] public int TokenDailyLimit { get; set; } = 2000;
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromSeconds(7200);
    [Range(1, 1000)] public int StableForceRefreshDailyLimit { get; set; } = 20;

    // Template id → title of the OA's template messages; anything else answers 40037.
    public Dictionary<string, string> Templates { get; set; } = new()
    {
        ["TPL_DEMAND_ASSIGNED"] = "诉求受理通知",
        ["TPL_DEMAND_PROGRESS"] = "诉求进度通知",
        ["TPL_DEMAND_DONE"] = "诉求办结通知",
        ["TPL_TASK_ASSIGNED"] = "任务派发通知",
    };

    // Template id → title of the Mini Program's subscribe messages.
    public Dictionary<string, string> SubscribeTemplates { get; set; } = new()
    {
        ["SUB_DEMAND_ACCEPTED"] = "诉求受理提醒",
        ["SUB_DEMAND_PROGRESS"] = "诉求进度提醒",
        ["SUB_DEMAND_DONE"] = "办结评价提醒",
    };

    // The Status of the TEMPLATESENDJOBFINISH report pushed after each template send.
    public string TemplateReportStatus { get; set; } = "success";
    public TimeSpan TemplateReportDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    // Empty means the demo village's three personas (Persona.Defaults).
    public List<Persona> Personas { get; set; } = [];

    public IReadOnlyList<Persona> EffectivePersonas => Personas.Count > 0 ? Personas : Persona.Defaults;
}
