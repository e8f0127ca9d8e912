namespace Bot.WeChat.Api;

// What successful calls return, one record per API; kept together because each is a few fields.

// Use ExpiresIn as returned; it is "at most 7200 s" and may change (§5.2).
public sealed record AccessToken(string Token, TimeSpan ExpiresIn);

// The result of jscode2session. Never send SessionKey to the client (§7.1).
public sealed record MiniProgramSession(string OpenId, string SessionKey, string? UnionId);

// user/info. Since 2021 no nickname or avatar; UnionId only when the OA is bound (§7.4).
public sealed record WeChatUser(
    string OpenId, bool IsFollowing, string? UnionId, DateTimeOffset? FollowedAt, string? SubscribeScene, string? QrSceneStr);

// A downloaded temporary medium: bytes, or for a video only a URL.
public sealed record DownloadedMedia(byte[] Content, string ContentType, string? FileName, string? VideoUrl);
