namespace Bot.WeChat;

// One of our two WeChat apps (the Official Account, the mini-program): each has its own token (§5.3).
public sealed record WeChatApp(string AppId, string Secret);
