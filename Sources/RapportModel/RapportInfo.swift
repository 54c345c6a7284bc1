/// Facts about this build of rapport.
public enum RapportInfo {
    public static let version = "0.1.0"
}
