namespace Bot.Tests.WeChat;

// The test vectors of wechat-platform.md §1.2 and §1.6.
static class Vectors
{
    public const string Token = "villageToken2024";
    public const string EncodingAesKey = "Zm9yVGVzdGluZ09ubHlOb3RBUmVhbEtleTEyMzQ1Njc";
    public const string AppId = "wx0123456789abcdef";
    public const string OriginalId = "gh_0a1b2c3d4e5f";

    public const string AEncrypt = "69TwYcNOADV8Tt2K6F7OGpYjYVMMoqInvXyHKGXCoguXJAaMnw+iCNAGXt57aWbZ0PsCfr/tEDWGAHZ0XM5c3Q==";

    public const string BXml = "<xml><ToUserName><![CDATA[gh_0a1b2c3d4e5f]]></ToUserName><FromUserName><![CDATA[oVLG-test-openid-0001]]></FromUserName><CreateTime>1700000000</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[村口路灯坏了]]></Content><MsgId>24000000000000001</MsgId></xml>";
    public const string BEncrypt = "69TwYcNOADV8Tt2K6F7OGulHaQB8umYCCqf3HBQljlu25090xVoqfmFXMXjhTARtlqMfCHi5q+58P3QY5HB66wDLoP/Mb1RcOzBc4kWHktvIXRkNlvdM31EmdYcAl5yJo1HlfsGpKC/DfPcdElgSU0ZsfejAs0B/M4KgcBXRm+RFk/jTMCfelpupFHo5u9MIe9SB+Cn1vhQeSiVVSDrflxTF1QUV3+wSOWzfQ207/OIVzWLAn1FIhgCrwaF6vZtDvOfVrXWFhm+G4Fq7P8jiop//OVJJ8ATgb2qsBQl8SMoEymt9ph8HYry3pYBjCX43qHhlHHZbuSh9ayy64CGDSks75tcf/bxTOfaqwjg+B286Cc0QL13lgem1BNylNd0C23kSw2V0GiAcBC76x2P7WtkeSmJMgCBWufDp/Iu8KZw=";

    public const string CXml = "<xml><ToUserName><![CDATA[oVLG-test-openid-0001]]></ToUserName><FromUserName><![CDATA[gh_0a1b2c3d4e5f]]></FromUserName><CreateTime>1700000001</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[已收到，编号 D-0001]]></Content></xml>";
    public const string CEncrypt = "KXfjhY+7jx7/5cQ/t9FhSBRRZj0KqdAdIRjBXoOJ02/sVGh4D+KkAgXSsxi8jBG/NllNEnnxmfWpmv/pgRCicmnJH6Xyiiv4k06an5v8isH0noMA1MICA4V8Ca+Pb+kYCJaYXnjSpg3xgo48UQjIKFy2g8QiYDgkaxmbll2uCPatok3Ask7hgNUFH+YnETQtd25wksTrAR1Dghd0yxqcnM52aBDufx/VBB129fHQwXMOyjUiyNwD4V//uRSWpaWFcHwb8fYyseQsd7PWCmlrA2mi8sVZftUe2hmLBD6L1AKEv8M/eu3Q1dqFCv9hIE7WuJJSnngxhImcACCgKk6MXzNPOuTrZZxUh4Rdu+jB3TZc7+f6/EAOMSSEnuoI69+5necYjAOiTxr14wqwGZ9I65RV7VsFrAZHC4HuqjNO+Rw=";

    public const string DToken = "QDG6eK";
    public const string DEncodingAesKey = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C";
    public const string DAppId = "wx5823bf96d3bd56c7";
    public const string DEncrypt = "RypEvHKD8QQKFhvQ6QleEB4J58tiPdvo+rtK1I9qca6aM/wvqnLSV5zEPeusUiX5L5X/0lWfrf0QADHHhGd3QczcdCUpj911L3vg3W/sYYvuJTs3TUUkSUXxaccAS0qhxchrRYt66wiSpGLYL42aM6A8dTT+6k4aSknmPj48kzJs8qLjvd4Xgpue06DOdnLxAUHzM6+kDZ+HMZfJYuR+LtwGc2hgf5gsijff0ekUNXZiqATP7PF5mZxZ3Izoun1s4zG4LUMnvw2r+KqCKIw+3IQH03v+BCA9nMELNqbSf6tiWSrXJB3LAVGUcallcrw8V2t9EL4EhzJWrQUax5wLVMNS0+rUPA3k22Ncx4XXZS9o0MBH27Bo6BpNelZpS+/uh9KsNlY6bHCmJU9p8g7m3fVKn28H3KDYA5Pl/T8Z1ptDAVe0lXdQ2YoyyH2uyPIGHBZZIs2pDBS8R07+qN+E7Q==";

    public static byte[] Ascii(string text) => System.Text.Encoding.ASCII.GetBytes(text);
}
