namespace Bot.Simulator.Platform;

// The per-user customer-message allowances in force since mid-2023 (§6.1): a user message opens 5 sends for 48
// hours; a follow, QR scan or click-menu tap opens 3 sends for 1 minute.
public sealed class CustomAllowances(SimClock clock)
{
    sealed class Window(int remaining, DateTimeOffset expiresAt)
    {
        public int Remaining { get; set; } = remaining;
        public DateTimeOffset ExpiresAt { get; } = expiresAt;
    }

    sealed class UserWindows
    {
        public Window? AfterMessage { get; set; }
        public Window? AfterInteraction { get; set; }
    }

    readonly Lock gate = new();
    readonly Dictionary<string, UserWindows> users = new();

    public void UserSentMessage(string openId)
    {
        lock (gate)
            For(openId).AfterMessage = new Window(5, clock.GetUtcNow().AddHours(48));
    }

    public void UserInteracted(string openId)
    {
        lock (gate)
            For(openId).AfterInteraction = new Window(3, clock.GetUtcNow().AddMinutes(1));
    }

    // An unfollow closes every window.
    public void Close(string openId)
    {
        lock (gate)
            users.Remove(openId);
    }

    // 0 when a send was allowed (and counted); 45015 outside any window; 45047 when all open windows are spent.
    public int TrySpend(string openId)
    {
        lock (gate)
        {
            var now = clock.GetUtcNow();
            var open = users.TryGetValue(openId, out var w)
                ? new[] { w.AfterMessage, w.AfterInteraction }.OfType<Window>().Where(x => x.ExpiresAt > now).ToList()
                : [];
            if (open.Count == 0)
                return 45015;
            // Spend from the window that closes first, so nothing usable is wasted.
            var window = open.Where(x => x.Remaining > 0).MinBy(x => x.ExpiresAt);
            if (window is null)
                return 45047;
            window.Remaining--;
            return 0;
        }
    }

    public void Reset()
    {
        lock (gate)
            users.Clear();
    }

    UserWindows For(string openId)
    {
        if (!users.TryGetValue(openId, out var windows))
            users[openId] = windows = new UserWindows();
        return windows;
    }
}
