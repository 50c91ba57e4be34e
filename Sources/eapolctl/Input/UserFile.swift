import StateFiles
import StructuredErrors

/// Reads a file the user named on the command line, with an error that says which file, what it was for, and
/// why it could not be read (errno-precise: missing, permission denied, a directory, ...).
func readUserFile(_ path: String, what: String) throws -> [UInt8] {
    do {
        guard let bytes = try PosixIO.readFileIfPresent(path) else {
            throw SystemError(.fileNotFound, "\(what) \(path) does not exist", hint: "Check the path.",
                              details: ["path": .string(path)])
        }
        return bytes
    } catch let error as SystemError where error.code != .fileNotFound {
        throw SystemError(error.code, "cannot read \(what) \(path): \(error.message)", hint: error.hint,
                          details: error.details)
    }
}
