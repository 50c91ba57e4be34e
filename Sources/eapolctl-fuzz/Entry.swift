import Foundation

#if EAPOLCTL_LIBFUZZER
/// libFuzzer's entry point; the target comes from EAPOLCTL_FUZZ_TARGET (scripts/fuzz sets it).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    selectedTarget.run(bytes)
    return 0
}

/// Read once; an unknown or missing name stops the fuzzer before the first input.
private let selectedTarget: FuzzTarget = {
    let name = ProcessInfo.processInfo.environment["EAPOLCTL_FUZZ_TARGET"] ?? ""
    guard let target = FuzzTarget(rawValue: name) else {
        FileHandle.standardError.write(Data("eapolctl-fuzz: set EAPOLCTL_FUZZ_TARGET to one of: \(FuzzTarget.names)\n".utf8))
        exit(2)
    }
    return target
}()

/// libFuzzer's driver (libclang_rt.fuzzer). SwiftPM makes an executable's `main` its module's entry point, so
/// libFuzzer's own `main` is never linked: this `@main` hands the command line to the driver instead.
@_silgen_name("LLVMFuzzerRunDriver")
func llvmFuzzerRunDriver(_ argc: UnsafeMutablePointer<CInt>,
                         _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
                         _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt

@main
struct FuzzerMain {
    static func main() {
        _ = selectedTarget
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        exit(llvmFuzzerRunDriver(&argc, &argv, fuzzOneInput))
    }
}
#else
/// Replays inputs through the fuzz targets: `eapolctl-fuzz TARGET FILE|DIRECTORY...` (the regression tests run
/// it). Prints one line per input; a trap in a target is the failure.
@main
struct ReplayMain {
    static func main() {
        let args = Array(CommandLine.arguments.dropFirst())
        guard args.count >= 2, let target = FuzzTarget(rawValue: args[0]) else {
            FileHandle.standardError.write(Data("usage: eapolctl-fuzz TARGET FILE|DIRECTORY...\ntargets: \(FuzzTarget.names)\n".utf8))
            exit(2)
        }
        var count = 0
        for path in inputs(args.dropFirst()) {
            guard let data = FileManager.default.contents(atPath: path) else {
                FileHandle.standardError.write(Data("eapolctl-fuzz: cannot read \(path)\n".utf8))
                exit(1)
            }
            target.run(Array(data))
            print("ok \(target.rawValue) \(path)")
            count += 1
        }
        print("replayed \(count) input(s) through \(target.rawValue)")
    }

    /// The files named, with directories expanded to their regular files (sorted, not recursive).
    static func inputs(_ paths: ArraySlice<String>) -> [String] {
        paths.flatMap { path -> [String] in
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else { return [path] }
            let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
            return names.sorted().filter { !$0.hasPrefix(".") }.map { path + "/" + $0 }
        }
    }
}
#endif
