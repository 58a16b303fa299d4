import Graphics
import LayoutDefinitions

/// Header, footer and background of one page, laid out once the page count is known so that
/// « Page X / N » is true. They are pagination artifacts: outside the logical structure.
struct RegionLayout {
    let engine: LayoutEngine
    let template: PageTemplate

    func place(_ regions: PageRegions, page: (number: Int, count: Int), into frame: inout Frame,
               body: [FrameItem]) throws(LayoutEngineError) {
        var flow = Flow(engine: engine, template: template)
        let width = template.contentWidth
        if !regions.background.isEmpty {
            try region(regions.background, y: template.marginTop, width: width, page: page, flow: &flow, pagination: false)
        }
        flow.pages[0].append(contentsOf: body)
        if !regions.header.isEmpty {
            let top = template.marginTop - regions.headerOffset - regions.headerHeight
            try region(regions.header, y: top, width: width, page: page, flow: &flow, pagination: true)
        }
        if !regions.footer.isEmpty {
            let top = template.height - template.marginBottom + regions.footerOffset
            try region(regions.footer, y: top, width: width, page: page, flow: &flow, pagination: true)
        }
        frame.items = flow.pages[0]
    }

    private func region(_ blocks: [BoundBlock], y: Double, width: Double, page: (number: Int, count: Int),
                        flow: inout Flow, pagination: Bool) throws(LayoutEngineError) {
        let resolved = blocks.map { $0.resolvingPageNumbers(page) }
        let stack = try Stack.make(resolved, width: width, engine: engine)
        flow.emit(.beginArtifact(pagination: pagination))
        var scratch = flow
        let before = scratch.pages[0].count
        stack.emit(x: template.marginLeft, y: y, flow: &scratch, parent: 0, inline: true)
        // Inside an artifact nothing is tagged: keep only the drawing items.
        for item in scratch.pages[0][before...] {
            switch item {
            case .beginStructure, .endStructure: continue
            default: flow.emit(item)
            }
        }
        flow.emit(.endArtifact)
    }
}
