using System.Globalization;
using System.Text;
using System.Xml;

namespace Bot.Simulator.Delivery;

/// <summary>Writes callback XML the way the platform does (§2): strings in CDATA, numbers bare.</summary>
public static class InboundXml
{
    static readonly XmlWriterSettings Settings = new() { OmitXmlDeclaration = true, Encoding = new UTF8Encoding(false) };

    /// <param name="fields">Element name → value; strings go in CDATA, numbers as they are, null is left out.</param>
    public static string Build(string toUserName, string fromUserName, DateTimeOffset createTime, string msgType,
        params (string Name, object? Value)[] fields)
    {
        var text = new StringBuilder();
        using (var w = XmlWriter.Create(text, Settings))
        {
            w.WriteStartElement("xml");
            Cdata(w, "ToUserName", toUserName);
            Cdata(w, "FromUserName", fromUserName);
            w.WriteElementString("CreateTime", createTime.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
            Cdata(w, "MsgType", msgType);
            foreach (var (name, value) in fields)
            {
                switch (value)
                {
                    case null:
                        break;
                    case string s:
                        Cdata(w, name, s);
                        break;
                    case IFormattable number:
                        w.WriteElementString(name, number.ToString(null, CultureInfo.InvariantCulture));
                        break;
                }
            }
            w.WriteEndElement();
        }
        return text.ToString();
    }

    /// <summary>The safe-mode envelope (§1.4).</summary>
    public static string SafeEnvelope(string toUserName, string encrypt) =>
        $"<xml><ToUserName><![CDATA[{toUserName}]]></ToUserName><Encrypt><![CDATA[{encrypt}]]></Encrypt></xml>";

    /// <summary>Compatible mode: the plaintext plus its encrypted copy (§1.4).</summary>
    public static string WithEncryptedCopy(string xml, string encrypt) =>
        xml.Insert(xml.LastIndexOf("</xml>", StringComparison.Ordinal), $"<Encrypt><![CDATA[{encrypt}]]></Encrypt>");

    static void Cdata(XmlWriter w, string name, string value)
    {
        w.WriteStartElement(name);
        w.WriteCData(value);
        w.WriteEndElement();
    }
}
