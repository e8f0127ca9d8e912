namespace Bot.Jobs; public static class Placeholder {}
