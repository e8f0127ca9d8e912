using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Bot.Tests;

// The real bot on a fresh database of its own.
public class BotApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string AdminKey = "test-admin-key-0123456789";

    public TestDatabase Database { get; } = new();

    protected virtual Dictionary<string, string?> Settings() => new()
    {
        ["Database:ConnectionString"] = Database.ConnectionString,
        ["Admin:ApiKey"] = AdminKey,
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder) =>
        builder.ConfigureAppConfiguration(c => c.AddInMemoryCollection(Settings()));

    public HttpClient AdminClient()
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", AdminKey);
        return client;
    }

    public virtual async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        StartServer(); // migrations run now
        // A bot that gave up during start-up returns from Main without starting, and its console says why.
        if (!Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStarted.IsCancellationRequested)
            throw new InvalidOperationException("The bot exited during start-up; its console output says why.");
    }

    public new virtual async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Database.DisposeAsync();
    }
}
