import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Why a file or stream operation failed, in the plain words a person acts on ("not a
/// folder", "permission denied", "disk full"), never Foundation's "The operation could not
/// be completed. (NSCocoaErrorDomain error 512.)".
public enum SystemReason {
    /// For an `errno` value.
    public static func describe(errno code: Int32) -> String {
        switch code {
        case ENOTDIR: return "not a folder"
        case EISDIR: return "it is a folder"
        case EACCES, EPERM: return "permission denied"
        case ENOSPC: return "disk full"
        case EDQUOT: return "disk quota exceeded"
        case EROFS: return "read-only file system"
        case ENOENT: return "no such file or folder"
        case EEXIST: return "it already exists"
        case ENAMETOOLONG: return "the name is too long"
        case ELOOP: return "too many symbolic links"
        case EIO: return "input/output error"
        case EMFILE, ENFILE: return "too many open files"
        case EPIPE: return "nothing is reading it any more"
        case EBADF: return "it is not open"
        case EFBIG: return "the file is too large"
        default:
            let text = String(cString: strerror(code))
            return text.prefix(1).lowercased() + text.dropFirst()
        }
    }

    /// For an error thrown by Foundation's file calls (or a `POSIXError`).
    public static func describe(_ error: Error) -> String {
        if let code = errnoValue(of: error) { return describe(errno: code) }
        if let cocoa = error as? CocoaError {
            switch cocoa.code {
            case .fileNoSuchFile, .fileReadNoSuchFile: return describe(errno: ENOENT)
            case .fileReadNoPermission, .fileWriteNoPermission: return describe(errno: EACCES)
            case .fileWriteOutOfSpace: return describe(errno: ENOSPC)
            case .fileWriteVolumeReadOnly: return describe(errno: EROFS)
            case .fileWriteFileExists: return describe(errno: EEXIST)
            case .fileReadCorruptFile: return "the file is damaged"
            case .fileReadInapplicableStringEncoding, .fileWriteInapplicableStringEncoding: return "it is not valid text"
            case .fileReadTooLarge: return "the file is too large"
            default: return "an unexpected file error (\(cocoa.code.rawValue))"
            }
        }
        return "an unexpected error"
    }

    /// The `errno` behind an error: a `POSIXError`, or the POSIX error Foundation wraps.
    static func errnoValue(of error: Error) -> Int32? {
        if let posix = error as? POSIXError { return posix.code.rawValue }
        let bridged = error as NSError
        if bridged.domain == NSPOSIXErrorDomain { return Int32(bridged.code) }
        // On Linux the wrapped error does not cast to NSError directly; through Error it does.
        if let underlying = bridged.userInfo[NSUnderlyingErrorKey] as? Error {
            let inner = underlying as NSError
            if inner.domain == NSPOSIXErrorDomain { return Int32(inner.code) }
        }
        return nil
    }
}
