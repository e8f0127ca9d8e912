using System.ComponentModel.DataAnnotations;

namespace Bot.WeChat;

// The Official Account console's values (wechat-platform.md §1.1) and where the API lives.
public sealed class WeChatOptions
{
    public const string Section = "WeChat";

    [Required] public string CallbackPath { get; set; } = "/wechat";
    [Required, RegularExpression("^[A-Za-z0-9]{3,32}$")] public string Token { get; set; } = "";
    [Required, RegularExpression("^[A-Za-z0-9]{43}$")] public string EncodingAESKey { get; set; } = "";
    [Required] public string AppId { get; set; } = "";
    [Required] public string AppSecret { get; set; } = "";

    // Optional until mini-program features ship; a second app with its own token (§5.3, §7).
    public string? MiniProgramAppId { get; set; }
    public string? MiniProgramSecret { get; set; }

    // Production: https://api.weixin.qq.com; development and tests: the simulator.
    [Required, Url] public string ApiBaseUrl { get; set; } = "https://api.weixin.qq.com";

    // A strict deployment in safe mode refuses plaintext bodies (§1.4).
    public bool RequireEncryption { get; set; }

    // The platform gives up after 5 s (§3.1); what is not ready by then goes out through the outbox.
    public TimeSpan ReplyBudget { get; set; } = TimeSpan.FromSeconds(4);

    [Range(1024, 1024 * 1024)] public int MaxBodyBytes { get; set; } = 64 * 1024;

    public TimeSpan ApiTimeout { get; set; } = TimeSpan.FromSeconds(10);

    // OutboxPayload.Notice → template id: what goes out when no customer-service window is open (§6.1–6.2).
    // The payload's text fills TemplateTextKey (a "thing", cut to 20 characters, §7.3), the send time TemplateTimeKey.
    public Dictionary<string, string> Templates { get; set; } = new();

    // Notice kind → the mini-program subscribe-message template, for people reached only there;
    // each send spends one of the person's recorded consents (§7.2).
    public Dictionary<string, string> SubscribeTemplates { get; set; } = new();

    // How often chat photos and voice notes are fetched from WeChat into our own storage.
    public TimeSpan MediaPollInterval { get; set; } = TimeSpan.FromSeconds(5);

    // The mini-program page a subscribe message opens.
    public string SubscribePage { get; set; } = "pages/demands/index";
    [Required] public string TemplateTextKey { get; set; } = "thing1";
    [Required] public string TemplateTimeKey { get; set; } = "time2";

    public WeChatApp OfficialAccount => new(AppId, AppSecret);

    public WeChatApp? MiniProgram =>
        string.IsNullOrEmpty(MiniProgramAppId) || string.IsNullOrEmpty(MiniProgramSecret) ? null : new(MiniProgramAppId, MiniProgramSecret);
}
