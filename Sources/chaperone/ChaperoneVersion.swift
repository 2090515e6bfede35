/// The one version number of Chaperone: `chaperone --version` prints it and
/// `deploy/debian/build-deb` reads it from this line to name the package.
enum ChaperoneVersion {
    static let current = "0.14.0"
}
