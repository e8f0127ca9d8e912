namespace Bot.WeChat; public static class Placeholder {}
