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

    // The mini-program is a second app with its own id and secret (jscode2session, subscribe messages);
    // the defaults are the simulator's, like the Official Account values in appsettings.json.
    [Required] public string MiniProgramAppId { get; set; } = "wxfedcba9876543210";
    [Required] public string MiniProgramSecret { get; set; } = "simulator-mp-secret";

    // Production: https://api.weixin.qq.com; development and tests: the simulator.
    [Required, Url] public string ApiBaseUrl { get; set; } = "https://api.weixin.qq.com";

    // A strict deployment in safe mode refuses plaintext bodies (§1.4).
    public bool RequireEncryption { get; set; }

    // The platform gives up after 5 s (§3.1); what is not ready by then goes out through the outbox.
    public TimeSpan ReplyBudget { get; set; } = TimeSpan.FromSeconds(4);

    [Range(1024, 1024 * 1024)] public int MaxBodyBytes { get; set; } = 64 * 1024;
}
