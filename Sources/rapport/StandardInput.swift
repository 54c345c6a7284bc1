import RapportCore

/// Calls `body` with each line of standard input, for the batch commands. A read error
/// (standard input is a folder, say) is not the end of the input: it is one line on
/// standard error and exit 74, after the lines that were read.
func eachLineOfStandardInput(_ body: (String) -> Void) {
    let reader = LineReader()
    while let line = reader.readLine() { body(line) }
    if let code = reader.readError {
        fail("cannot read standard input: \(SystemReason.describe(errno: code))", code: ExitStatus.ioFailure)
    }
}
