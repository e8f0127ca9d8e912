using System.Globalization;
using System.Text;
using Bot.WeChat.Crypto;
using Microsoft.Extensions.Options;

using Bot.Simulator.Platform;

namespace Bot.Simulator.Delivery;

// Attempts: One line per POST: "HTTP 200", "timeout after 5000 ms", "HTTP 500", a network error.
// ReplyBody: The body of the first HTTP 200 answer; null when every attempt failed.
public sealed record DeliveryResult(IReadOnlyList<string> Attempts, string? ReplyBody, bool WasEncrypted);

// POSTs callbacks to the bot as the platform does (§1.3, §3.1): signed, encrypted per the configured mode, and
// on a timeout or failure sent again with the very same query and body.
public sealed class CallbackDelivery(HttpClient http, IOptions<SimulatorOptions> options, SimClock clock)
{
    public async Task<DeliveryResult> DeliverAsync(string xml, string fromOpenId, CancellationToken ct)
    {
        var o = options.Value;
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var nonce = Ids.Digits(10);
        var query = new Dictionary<string, string>
        {
            ["signature"] = WeChatSignature.ForUrl(o.Token, timestamp, nonce),
            ["timestamp"] = timestamp,
            ["nonce"] = nonce,
            ["openid"] = fromOpenId,
        };
        var body = xml;
        if (o.Mode != CallbackMode.Plaintext)
        {
            var encrypt = new WeChatCrypto(o.EncodingAESKey, o.AppId).Encrypt(xml);
            query["encrypt_type"] = "aes";
            query["msg_signature"] = WeChatSignature.ForMessage(o.Token, timestamp, nonce, encrypt);
            body = o.Mode == CallbackMode.Safe
                ? InboundXml.SafeEnvelope(o.OriginalId, encrypt)
                : InboundXml.WithEncryptedCopy(xml, encrypt);
        }
        var url = o.BotCallbackUrl + (o.BotCallbackUrl.Contains('?') ? "&" : "?")
            + string.Join("&", query.Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value)}"));

        var attempts = new List<string>();
        for (var attempt = 0; attempt <= o.Retries; attempt++)
        {
            if (attempt > 0 && o.RetrySpacing > TimeSpan.Zero)
                await Task.Delay(o.RetrySpacing, ct);
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
            deadline.CancelAfter(o.ReplyTimeout);
            try
            {
                using var content = new StringContent(body, Encoding.UTF8, "text/xml");
                using var response = await http.PostAsync(url, content, deadline.Token);
                var reply = await response.Content.ReadAsStringAsync(deadline.Token);
                attempts.Add($"HTTP {(int)response.StatusCode}");
                if (response.IsSuccessStatusCode)
                    return new DeliveryResult(attempts, reply, o.Mode != CallbackMode.Plaintext);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                attempts.Add($"timeout after {o.ReplyTimeout.TotalMilliseconds:0} ms");
            }
            catch (HttpRequestException e)
            {
                attempts.Add($"network error: {e.Message}");
            }
        }
        return new DeliveryResult(attempts, null, o.Mode != CallbackMode.Plaintext);
    }

    // The GET check the console does when the URL is saved (§1.2): true when the bot echoes exactly.
    public async Task<(bool Passed, string Answer)> VerifyUrlAsync(CancellationToken ct)
    {
        var o = options.Value;
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var nonce = Ids.Digits(10);
        var echostr = Ids.Digits(19);
        var url = $"{o.BotCallbackUrl}{(o.BotCallbackUrl.Contains('?') ? "&" : "?")}signature={WeChatSignature.ForUrl(o.Token, timestamp, nonce)}&timestamp={timestamp}&nonce={nonce}&echostr={echostr}";
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(o.ReplyTimeout);
        using var response = await http.GetAsync(url, deadline.Token);
        var answer = await response.Content.ReadAsStringAsync(deadline.Token);
        return (response.IsSuccessStatusCode && answer == echostr, answer);
    }
}
