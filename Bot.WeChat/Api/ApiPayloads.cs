namespace Bot.WeChat.Api;

// What successful calls return, one record per API; kept together because each is a few fields.

/// <summary>Use <see cref="ExpiresIn"/> as returned; it is "at most 7200 s" and may change (§5.2).</summary>
public sealed record AccessToken(string Token, TimeSpan ExpiresIn);

/// <summary>The result of jscode2session. Never send <see cref="SessionKey"/> to the client (§7.1).</summary>
public sealed record MiniProgramSession(string OpenId, string SessionKey, string? UnionId);

/// <summary>user/info. Since 2021 no nickname or avatar; <see cref="UnionId"/> only when the OA is bound (§7.4).</summary>
public sealed record WeChatUser(
    string OpenId, bool IsFollowing, string? UnionId, DateTimeOffset? FollowedAt, string? SubscribeScene, string? QrSceneStr);

/// <summary>A downloaded temporary medium: bytes, or for a video only a URL.</summary>
public sealed record DownloadedMedia(byte[] Content, string ContentType, string? FileName, string? VideoUrl);
