import FuzzDriver

// The entry SwiftPM links as this executable's `main` (see FuzzDriver).
@_cdecl("FuzzPlan_main")
func fuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    runFuzzer(argc, argv, fuzzPlan)
}
