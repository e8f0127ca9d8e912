namespace Bot.Domain; public static class Placeholder {}
