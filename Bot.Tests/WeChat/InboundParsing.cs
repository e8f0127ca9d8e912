using Bot.WeChat.Inbound;

namespace Bot.Tests.WeChat;

public sealed class InboundParsing
{
    static string Xml(string msgType, string body, string from = "oDemoVillager0001", long createTime = 1700000000) =>
        $"<xml><ToUserName><![CDATA[gh_0a1b2c3d4e5f]]></ToUserName><FromUserName><![CDATA[{from}]]></FromUserName>" +
        $"<CreateTime>{createTime}</CreateTime><MsgType><![CDATA[{msgType}]]></MsgType>{body}</xml>";

    static string Event(string name, string body = "") => Xml("event", $"<Event><![CDATA[{name}]]></Event>{body}");

    [Fact]
    public void A_text_message_carries_the_common_fields_and_its_content()
    {
        var text = Assert.IsType<TextMessage>(InboundParser.Parse(Vectors.BXml));

        Assert.Equal("gh_0a1b2c3d4e5f", text.ToUserName);
        Assert.Equal("oVLG-test-openid-0001", text.FromUserName);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1700000000), text.CreateTime);
        Assert.Equal(24000000000000001, text.MsgId);
        Assert.Equal("村口路灯坏了", text.Content);
        Assert.Equal("msg:24000000000000001", text.DedupKey);
        Assert.False(text.IsEvent);
    }

    [Fact]
    public void Text_values_may_come_without_cdata()
    {
        var text = Assert.IsType<TextMessage>(InboundParser.Parse(Xml("text", "<Content>路灯 &amp; 水渠</Content><MsgId>7</MsgId>")));
        Assert.Equal("路灯 & 水渠", text.Content);
    }

    [Fact]
    public void Image_voice_video_location_and_link_messages_are_typed()
    {
        var image = Assert.IsType<ImageMessage>(InboundParser.Parse(Xml("image",
            "<PicUrl><![CDATA[http://mmbiz.example/fake/pic123]]></PicUrl><MediaId><![CDATA[M1]]></MediaId><MsgId>24000000000000077</MsgId>")));
        Assert.Equal(("http://mmbiz.example/fake/pic123", "M1", 24000000000000077L), (image.PicUrl, image.MediaId, image.MsgId!.Value));

        var voice = Assert.IsType<VoiceMessage>(InboundParser.Parse(Xml("voice",
            "<MediaId>V1</MediaId><Format>amr</Format><Recognition><![CDATA[路灯坏了]]></Recognition><MsgId>2</MsgId>")));
        Assert.Equal(("V1", "amr", "路灯坏了"), (voice.MediaId, voice.Format, voice.Recognition));
        Assert.Null(Assert.IsType<VoiceMessage>(InboundParser.Parse(Xml("voice", "<MediaId>V2</MediaId><Format>amr</Format><MsgId>3</MsgId>"))).Recognition);

        var video = Assert.IsType<VideoMessage>(InboundParser.Parse(Xml("shortvideo", "<MediaId>S1</MediaId><ThumbMediaId>T1</ThumbMediaId><MsgId>4</MsgId>")));
        Assert.True(video.IsShortVideo);
        Assert.False(Assert.IsType<VideoMessage>(InboundParser.Parse(Xml("video", "<MediaId>S2</MediaId><ThumbMediaId>T2</ThumbMediaId><MsgId>5</MsgId>"))).IsShortVideo);

        var location = Assert.IsType<LocationMessage>(InboundParser.Parse(Xml("location",
            "<Location_X>30.512345</Location_X><Location_Y>114.301234</Location_Y><Scale>16</Scale><Label><![CDATA[某某村村委会附近]]></Label><MsgId>24000000000000078</MsgId>")));
        Assert.Equal((30.512345, 114.301234, 16, "某某村村委会附近"), (location.Latitude, location.Longitude, location.Scale, location.Label));

        var link = Assert.IsType<LinkMessage>(InboundParser.Parse(Xml("link",
            "<Title>通知</Title><Description>村委会通知</Description><Url>https://example.cn/a</Url><MsgId>6</MsgId>")));
        Assert.Equal(("通知", "村委会通知", "https://example.cn/a"), (link.Title, link.Description, link.Url));
    }

    [Fact]
    public void A_follow_through_a_parametric_qr_code_yields_the_scene_without_its_prefix()
    {
        var follow = Assert.IsType<SubscribeEvent>(InboundParser.Parse(Event("subscribe",
            "<EventKey><![CDATA[qrscene_village_0421]]></EventKey><Ticket><![CDATA[FAKE_QR_TICKET_abc]]></Ticket>")));
        Assert.Equal(("village_0421", "FAKE_QR_TICKET_abc"), (follow.SceneKey, follow.Ticket));
        Assert.Null(follow.MsgId);
        Assert.True(follow.IsEvent);

        Assert.Null(Assert.IsType<SubscribeEvent>(InboundParser.Parse(Event("subscribe"))).SceneKey);
    }

    [Fact]
    public void Every_other_known_event_is_typed()
    {
        Assert.IsType<UnsubscribeEvent>(InboundParser.Parse(Event("unsubscribe")));
        Assert.Equal("village_0421", Assert.IsType<ScanEvent>(InboundParser.Parse(Event("SCAN", "<EventKey>village_0421</EventKey><Ticket>T</Ticket>"))).SceneKey);
        var location = Assert.IsType<LocationEvent>(InboundParser.Parse(Event("LOCATION", "<Latitude>30.5</Latitude><Longitude>114.3</Longitude><Precision>65.0</Precision>")));
        Assert.Equal((30.5, 114.3, 65.0), (location.Latitude, location.Longitude, location.Precision));
        Assert.Equal("REPORT", Assert.IsType<ClickEvent>(InboundParser.Parse(Event("CLICK", "<EventKey><![CDATA[REPORT]]></EventKey>"))).MenuKey);
        var view = Assert.IsType<ViewEvent>(InboundParser.Parse(Event("VIEW", "<EventKey>https://bot.example.cn/</EventKey><MenuID>208</MenuID>")));
        Assert.Equal(("https://bot.example.cn/", "208"), (view.Url, view.MenuId));
    }

    [Fact]
    public void A_template_report_reads_MsgID_with_a_capital_D_and_keys_on_id_and_status()
    {
        var report = Assert.IsType<TemplateSendJobFinishEvent>(InboundParser.Parse(Event("TEMPLATESENDJOBFINISH",
            "<MsgID>3500000000000000001</MsgID><Status><![CDATA[failed: system failed]]></Status>")));

        Assert.Equal(3500000000000000001, report.MsgId);
        Assert.False(report.IsDelivered);
        Assert.Equal("template:3500000000000000001:failed: system failed", report.DedupKey);
    }

    [Fact]
    public void Subscription_notification_events_list_every_template()
    {
        var popup = Assert.IsType<SubscribeMsgPopupEvent>(InboundParser.Parse(Event("subscribe_msg_popup_event",
            "<SubscribeMsgPopupEvent><List><TemplateId>T1</TemplateId><SubscribeStatusString>accept</SubscribeStatusString><PopupScene>2</PopupScene></List>" +
            "<List><TemplateId>T2</TemplateId><SubscribeStatusString>reject</SubscribeStatusString><PopupScene>2</PopupScene></List></SubscribeMsgPopupEvent>")));
        Assert.Equal([new("T1", "accept", "2"), new SubscribeDecision("T2", "reject", "2")], popup.Decisions);
        Assert.True(popup.Decisions[0].IsAccepted);

        var change = Assert.IsType<SubscribeMsgChangeEvent>(InboundParser.Parse(Event("subscribe_msg_change_event",
            "<SubscribeMsgChangeEvent><List><TemplateId>T1</TemplateId><SubscribeStatusString>reject</SubscribeStatusString></List></SubscribeMsgChangeEvent>")));
        Assert.Equal([new SubscribeDecision("T1", "reject", null)], change.Decisions);

        var sent = Assert.IsType<SubscribeMsgSentEvent>(InboundParser.Parse(Event("subscribe_msg_sent_event",
            "<SubscribeMsgSentEvent><List><TemplateId>T1</TemplateId><MsgID>1700</MsgID><ErrorCode>0</ErrorCode><ErrorStatus>success</ErrorStatus></List></SubscribeMsgSentEvent>")));
        Assert.Equal([new SubscribeDelivery("T1", 1700, 0, "success")], sent.Deliveries);
    }

    [Fact]
    public void Unknown_types_and_events_become_UnknownMessage()
    {
        var file = Assert.IsType<UnknownMessage>(InboundParser.Parse(Xml("file", "<Title>a.pdf</Title><MsgId>9</MsgId>")));
        Assert.Equal(("file", "msg:9"), (file.MsgType, file.DedupKey));

        var photo = Assert.IsType<UnknownMessage>(InboundParser.Parse(Event("pic_sysphoto", "<EventKey>PHOTO</EventKey>")));
        Assert.Equal(("pic_sysphoto", "PHOTO"), (photo.Event, photo.EventKey));
        Assert.True(photo.IsEvent);
    }

    [Fact]
    public void Event_keys_separate_different_events_of_one_second_and_match_a_retried_one()
    {
        var click = InboundParser.Parse(Event("CLICK", "<EventKey>REPORT</EventKey>"));
        var otherClick = InboundParser.Parse(Event("CLICK", "<EventKey>HELP</EventKey>"));
        var retried = InboundParser.Parse(Event("CLICK", "<EventKey>REPORT</EventKey>"));

        Assert.Equal("event:oDemoVillager0001:1700000000:CLICK:REPORT", click.DedupKey);
        Assert.NotEqual(click.DedupKey, otherClick.DedupKey);
        Assert.Equal(click.DedupKey, retried.DedupKey);
    }

    [Theory]
    [InlineData("<xml><ToUserName>a</ToUserName>")]
    [InlineData("not xml at all")]
    [InlineData("<xml><FromUserName>a</FromUserName><CreateTime>1</CreateTime><MsgType>text</MsgType></xml>")]
    [InlineData("<xml><ToUserName>a</ToUserName><FromUserName>b</FromUserName><CreateTime>soon</CreateTime><MsgType>text</MsgType></xml>")]
    public void Malformed_or_incomplete_xml_is_refused(string xml) =>
        Assert.Throws<InboundParseException>(() => InboundParser.Parse(xml));

    [Fact]
    public void A_dtd_with_an_external_entity_is_refused_before_anything_is_resolved()
    {
        const string xxe = """
            <?xml version="1.0"?>
            <!DOCTYPE xml [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
            <xml><ToUserName>gh_1</ToUserName><FromUserName>o1</FromUserName><CreateTime>1</CreateTime><MsgType>text</MsgType><Content>&secret;</Content></xml>
            """;
        Assert.Throws<InboundParseException>(() => InboundParser.Parse(xxe));
    }
}
