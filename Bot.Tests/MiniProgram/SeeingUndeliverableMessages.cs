using System.Net;
using System.Net.Http.Json;
using Bot.Domain.Outbox;
using Microsoft.Extensions.DependencyInjection;
using static Bot.Tests.MiniProgram.MiniProgramBot;

namespace Bot.Tests.MiniProgram;

// 43101 and friends are not only in the operators' view: the village secretary sees who in the
// village could not be reached, and nobody else's village.
public sealed class SeeingUndeliverableMessages(MiniProgramBot bot) : IClassFixture<MiniProgramBot>
{
    [Fact]
    public async Task A_secretary_sees_the_undeliverable_messages_of_their_village_only()
    {
        var unreachable = await bot.PersonAsync(Liu); // a 葵庄村 villager who never followed the account
        var elsewhere = await bot.Database.ScalarAsync<long>(
            "SELECT p.id FROM person p JOIN village v ON v.id = p.village_id WHERE v.code = 'cangfang' AND p.phone IS NOT NULL LIMIT 1");
        var outbox = bot.Services.GetRequiredService<OutboxStore>();
        await outbox.EnqueueAsync(new OutboxMessage("undeliverable-kuizhuang", unreachable, null, "demand-resolved",
            new OutboxPayload("您的诉求已办结", Notice: "nothing-configured").ToJson()));
        await outbox.EnqueueAsync(new OutboxMessage("undeliverable-cangfang", elsewhere, null, "demand-resolved",
            new OutboxPayload("您的诉求已办结", Notice: "nothing-configured").ToJson()));
        for (var i = 0; i < 100 && await bot.Database.ScalarAsync<int>(
                 "SELECT COUNT(*) FROM outbox WHERE idempotency_key LIKE 'undeliverable-%' AND status = 'Undeliverable'") < 2; i++)
            await Task.Delay(100);

        var wang = await (await bot.SignInAsync(Wang)).GetAsync("/api/mp/village/undeliverable");
        var member = await (await bot.SignInAsync(Li)).GetAsync("/api/mp/village/undeliverable");

        Assert.Equal(HttpStatusCode.OK, wang.StatusCode);
        var seen = (await wang.Content.ReadFromJsonAsync<List<Bot.MiniProgram.VillageEndpoints.UndeliverableView>>())!;
        Assert.Contains(seen, m => m.Reason!.Contains("not following"));
        var otherVillage = await bot.Database.ScalarAsync<long>("SELECT id FROM outbox WHERE idempotency_key = 'undeliverable-cangfang'");
        Assert.DoesNotContain(seen, m => m.Id == otherVillage);
        Assert.Equal(HttpStatusCode.Forbidden, member.StatusCode);
    }
}
