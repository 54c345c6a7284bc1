import Foundation
@testable import RapportTerminal

/// What a printer wrote, caught in a temporary file instead of the terminal (a file is
/// never a terminal, so `auto` colour is off there, as it is in a pipe).
final class PrintedText {
    let url = FileManager.default.temporaryDirectory.appending(path: "rapport-printed-\(UUID().uuidString)")
    let descriptor: Int32
    let output: StandardOutput

    init() throws {
        descriptor = open(url.path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw CocoaError(.fileWriteUnknown) }
        output = StandardOutput(descriptor: descriptor)
    }

    deinit {
        close(descriptor)
        try? FileManager.default.removeItem(at: url)
    }

    /// Everything written so far (after a flush).
    var text: String {
        output.flush()
        return String(decoding: FileManager.default.contents(atPath: url.path) ?? Data(), as: UTF8.self)
    }

    /// A session printer writing here.
    func printer(style: Style = Style(choice: .never), width: Int = 80, showMeter: Bool = false) -> SessionPrinter {
        SessionPrinter(style: style, output: output, width: width, showMeter: showMeter)
    }
}
