import PDFRender

@main
struct Bench {
    static func main() {}
}
