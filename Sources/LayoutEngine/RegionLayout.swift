import Graphics
import LayoutDefinitions

/// Header, footer and background of one page, laid out once the page count is known so that
/// « Page X / N » is true. They are pagination artifacts: outside the logical structure.
struct RegionLayout {
    let engine: LayoutEngine
    let template: PageTemplate

    /// `body` is taken over (moved into the frame, not copied) when there is no background to draw first.
    func place(_ regions: PageRegions, page: (number: Int, count: Int), into frame: inout Frame,
               body: consuming [FrameItem]) throws(LayoutEngineError) {
        let width = template.contentWidth
        var items: [FrameItem] = []
        if !regions.background.isEmpty {
            try region(regions.background, y: template.marginTop, width: width, page: page, into: &items, pagination: false)
        }
        if items.isEmpty { items = body } else { items.append(contentsOf: body) }
        if !regions.header.isEmpty {
            let top = template.marginTop - regions.headerOffset - regions.headerHeight
            try region(regions.header, y: top, width: width, page: page, into: &items, pagination: true)
        }
        if !regions.footer.isEmpty {
            let top = template.height - template.marginBottom + regions.footerOffset
            try region(regions.footer, y: top, width: width, page: page, into: &items, pagination: true)
        }
        frame.items = items
    }

    /// Draws the region in a flow of its own (so that its structure nodes, dropped here, never touch the
    /// page's) and appends its drawing items to `items` inside an artifact.
    private func region(_ blocks: [BoundBlock], y: Double, width: Double, page: (number: Int, count: Int),
                        into items: inout [FrameItem], pagination: Bool) throws(LayoutEngineError) {
        let resolved = blocks.map { $0.resolvingPageNumbers(page) }
        let stack = try Stack.make(resolved, width: width, engine: engine)
        var scratch = Flow(engine: engine, template: template)
        stack.emit(x: template.marginLeft, y: y, flow: &scratch, parent: 0, inline: true)
        items.append(.beginArtifact(pagination: pagination))
        // Inside an artifact nothing is tagged: keep only the drawing items.
        for item in scratch.pages[0] {
            switch item {
            case .beginStructure, .endStructure: continue
            default: items.append(item)
            }
        }
        items.append(.endArtifact)
    }
}
