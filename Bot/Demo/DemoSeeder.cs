using Bot.Domain;
using Bot.Domain.Demands;
using Bot.Domain.People;
using Bot.Domain.Roster;
using Bot.Domain.Storage;
using Dapper;

namespace Bot.Demo;

// --seed-demo: a district, a town, two villages, 60 households and a few demands in different
// states, so a newcomer sees a living system. Safe to run on every start.
public sealed class DemoSeeder(RosterImporter roster, PeopleStore people, DemandStore demands, DemandIntake intake,
    Db db, TimeProvider clock, ILogger<DemoSeeder> log)
{
    // The simulator's default personas chat as these people (see docs/wechat.md).
    static readonly (string Phone, string OpenId)[] Personas =
    [
        ("13800000001", "oDemoVillager0001"),
        ("13800000002", "oDemoMember0001"),
        ("13800000003", "oDemoSecretary0001"),
    ];

    public async Task SeedAsync(CancellationToken ct = default)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "demo");
        var files = new[] { "roster-places.csv", "roster-people.csv" }
            .Select(f => (f, File.ReadAllBytes(Path.Combine(folder, f)))).ToList();
        var result = await roster.ImportAsync(files, ct);
        foreach (var (phone, openId) in Personas)
            await people.LinkOpenIdAsync(await PersonIdAsync(phone, ct), openId, clock.GetUtcNow(), ct);
        if (await AlreadyHasDemandsAsync(ct))
        {
            log.LogInformation("Demo village present ({Created} roster rows added)", result.Created);
            return;
        }
        await SeedDemandsAsync(ct);
        log.LogInformation("Demo village seeded");
    }

    async Task SeedDemandsAsync(CancellationToken ct)
    {
        var zhang = (await people.FindAsync(await PersonIdAsync("13800000001", ct), ct))!;
        var li = new Actor(await PersonIdAsync("13800000002", ct), ActorRole.PartyMember);
        var villager = new Actor(zhang.Id, ActorRole.Villager);
        var now = clock.GetUtcNow();

        Task<Demand> Report(string text, Category category, Colour colour, bool confident = true) =>
            intake.SubmitAsync(new NewDemand(zhang.Id, zhang.VillageId, zhang.HouseholdId, text, null),
                new Grade(category, colour, confident ? 0.93 : 0.41, "demo-seed", confident), ct: ct);
        Task<Demand> Apply(DemandChange change) => demands.WriteAsync(w => w.ApplyAsync(change), ct);

        await Report("村口的路灯坏了好几天了，晚上走路黑乎乎的看不见", Category.Power, Colour.Green);

        var water = await Report("俺家自来水停了两天了，水龙头一滴都没有", Category.Water, Colour.Blue);
        water = await Apply(water.Accept(li, now));
        await Apply(water.ReportProgress(li, "已联系自来水公司，明天上午来人检修", now));

        var rubbish = await Report("巷子口的垃圾好几天没人收了，味道很大", Category.Sanitation, Colour.Green);
        rubbish = await Apply(rubbish.Accept(li, now));
        rubbish = await Apply(rubbish.Resolve(li, "已协调保洁员清运，并约定每周二、五收运", now));
        await Apply(rubbish.Rate(villager, RatingValue.Satisfied, "收得很干净", null, now));

        var road = await Report("一组到镇上那条土路坑坑洼洼，下雨就没法走，盼着能修成水泥路", Category.Roads, Colour.Orange);
        var chain = await people.ChainAsync(zhang.VillageId, zhang.HouseholdId, ct);
        await Apply(road.Escalate(li, chain.Village!.Value, now + TimeSpan.FromDays(30), "需要立项修路，报村党支部", now));

        await Report("那个事情咋样了俺还想问问", Category.Other, Colour.Green, confident: false);

        var dog = await Report("邻居家的狗老是半夜叫", Category.Dispute, Colour.Green);
        await Apply(dog.Withdraw(villager, now));
    }

    async Task<long> PersonIdAsync(string phone, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT id FROM person WHERE phone = @phone", new { phone }, cancellationToken: ct));
    }

    async Task<bool> AlreadyHasDemandsAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            "SELECT EXISTS (SELECT 1 FROM demand d JOIN person p ON p.id = d.villager_id WHERE p.phone = '13800000001')",
            cancellationToken: ct));
    }
}
