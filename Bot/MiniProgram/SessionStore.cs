using System.Security.Cryptography;
using System.Text;
using Bot.Domain.People;
using Bot.Domain.Storage;
using Dapper;
using Microsoft.Extensions.Options;

namespace Bot.MiniProgram;

// Mini-program sign-ins: who a WeChat mini-program user is, and the bearer tokens they carry.
public sealed class SessionStore(Db db, PeopleStore people, IOptions<MiniProgramOptions> options, TimeProvider clock)
{
    // The person behind a mini-program openid. A unionid joins the mini-program to the Official
    // Account (wechat-platform.md §7.4): whoever already holds it gets the mp openid; a stranger
    // becomes an unbound person, like an Official Account follower the roster does not know.
    public async Task<Person> PersonForAsync(string mpOpenId, string? unionId, CancellationToken ct)
    {
        var at = clock.GetUtcNow().UtcDateTime;
        await using var connection = await db.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var args = new { mpOpenId, unionId, at };
        var personId = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            "SELECT person_id FROM wechat_identity WHERE mp_openid = @mpOpenId FOR UPDATE", args, transaction, cancellationToken: ct));
        if (personId is not null && unionId is not null)
            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE wechat_identity SET unionid = @unionId, updated_at = @at WHERE mp_openid = @mpOpenId AND unionid IS NULL",
                args, transaction, cancellationToken: ct));
        if (personId is null && unionId is not null)
        {
            personId = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
                "SELECT person_id FROM wechat_identity WHERE unionid = @unionId FOR UPDATE", args, transaction, cancellationToken: ct));
            if (personId is not null)
                await connection.ExecuteAsync(new CommandDefinition(
                    "UPDATE wechat_identity SET mp_openid = @mpOpenId, updated_at = @at WHERE unionid = @unionId",
                    args, transaction, cancellationToken: ct));
        }
        if (personId is null)
        {
            personId = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                "INSERT INTO person (name, created_at) VALUES ('微信用户', @at); SELECT LAST_INSERT_ID();", args, transaction, cancellationToken: ct));
            await connection.ExecuteAsync(new CommandDefinition("""
                INSERT INTO wechat_identity (person_id, mp_openid, unionid, updated_at) VALUES (@personId, @mpOpenId, @unionId, @at)
                """, new { personId, mpOpenId, unionId, at }, transaction, cancellationToken: ct));
        }
        await transaction.CommitAsync(ct);
        return (await people.FindAsync(personId.Value, ct))!;
    }

    // The token is random and opaque; only its SHA-256 is stored, so the table alone signs nobody in.
    public async Task<(string Token, DateTimeOffset ExpiresAt)> OpenAsync(long personId, CancellationToken ct)
    {
        var token = Base64Url(RandomNumberGenerator.GetBytes(32));
        var now = clock.GetUtcNow();
        var expiresAt = now + options.Value.SessionLifetime;
        await using var connection = await db.OpenAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO mp_session (token_hash, person_id, created_at, expires_at) VALUES (@hash, @personId, @now, @expiresAt)
            """, new { hash = Hash(token), personId, now = now.UtcDateTime, expiresAt = expiresAt.UtcDateTime }, cancellationToken: ct));
        return (token, expiresAt);
    }

    public async Task<long?> PersonOfAsync(string token, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.ExecuteScalarAsync<long?>(new CommandDefinition("""
            SELECT person_id FROM mp_session WHERE token_hash = @hash AND revoked_at IS NULL AND expires_at > @now
            """, new { hash = Hash(token), now = clock.GetUtcNow().UtcDateTime }, cancellationToken: ct));
    }

    public async Task RevokeAsync(string token, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE mp_session SET revoked_at = @now WHERE token_hash = @hash AND revoked_at IS NULL",
            new { hash = Hash(token), now = clock.GetUtcNow().UtcDateTime }, cancellationToken: ct));
    }

    static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
