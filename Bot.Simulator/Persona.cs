namespace Bot.Simulator;

// A simulated WeChat user: one person, one openid per app, one unionid across them (§7.4).
public sealed class Persona
{
    public string Name { get; set; } = "";
    public string Role { get; set; } = "";
    public string OpenId { get; set; } = "";
    public string MiniProgramOpenId { get; set; } = "";
    public string UnionId { get; set; } = "";

    public static readonly IReadOnlyList<Persona> Defaults =
    [
        new() { Name = "张大爷", Role = "村民", OpenId = "oDemoVillager0001", MiniProgramOpenId = "oMpDemoVillager0001", UnionId = "uDemoVillager0001" },
        new() { Name = "李建国", Role = "联户党员", OpenId = "oDemoMember0001", MiniProgramOpenId = "oMpDemoMember0001", UnionId = "uDemoMember0001" },
        new() { Name = "王书记", Role = "村党支部书记", OpenId = "oDemoSecretary0001", MiniProgramOpenId = "oMpDemoSecretary0001", UnionId = "uDemoSecretary0001" },
    ];
}
