extension ConsoleProgram where State == ConsoleState {
    /// The console itself: its update and its view.
    public static var console: ConsoleProgram<ConsoleState> {
        ConsoleProgram(start: ConsoleUpdate.start, update: ConsoleUpdate.update, render: ConsoleView.render)
    }
}
