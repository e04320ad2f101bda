import Console
import Testing
@testable import TerminalBackend

@Suite("Colour palette")
struct ColorPaletteTests {
    @Test("no colour with --no-color, a non-empty NO_COLOR, or a terminal without colours")
    func depthDetection() {
        #expect(ColorDepth.detect(noColorFlag: true, environment: [:], hasColors: true, colors: 256) == .none)
        #expect(ColorDepth.detect(noColorFlag: false, environment: ["NO_COLOR": "1"], hasColors: true, colors: 256) == .none)
        #expect(ColorDepth.detect(noColorFlag: false, environment: ["NO_COLOR": ""], hasColors: true, colors: 256) == .extended256)
        #expect(ColorDepth.detect(noColorFlag: false, environment: [:], hasColors: false, colors: 256) == .none)
        #expect(ColorDepth.detect(noColorFlag: false, environment: [:], hasColors: true, colors: 8) == .eight)
        #expect(ColorDepth.detect(noColorFlag: false, environment: [:], hasColors: true, colors: 16) == .eight)
        #expect(ColorDepth.detect(noColorFlag: false, environment: [:], hasColors: true, colors: 2) == .none)
        // Decided before start_color, when the number of colours is not known yet.
        #expect(ColorDepth.mayUseColor(noColorFlag: false, environment: [:], hasColors: true))
        #expect(!ColorDepth.mayUseColor(noColorFlag: true, environment: [:], hasColors: true))
        #expect(!ColorDepth.mayUseColor(noColorFlag: false, environment: ["NO_COLOR": "1"], hasColors: true))
        #expect(!ColorDepth.mayUseColor(noColorFlag: false, environment: [:], hasColors: false))
    }

    @Test("eight colours use only the curses colours 0-7; 256 colours stay within 0-255")
    func palettes() {
        for role in ColorRole.allCases {
            if let pair = ColorPalette.colors(for: role, depth: .eight) {
                #expect((0...7).contains(pair.foreground) && (-1...7).contains(pair.background), "\(role)")
            }
            if let pair = ColorPalette.colors(for: role, depth: .extended256) {
                #expect((0...255).contains(pair.foreground) && (-1...255).contains(pair.background), "\(role)")
            }
            #expect(ColorPalette.colors(for: role, depth: .none) == nil)
        }
        #expect(ColorPalette.colors(for: .normal, depth: .eight) == nil)
        #expect(ColorPalette.colors(for: .failure, depth: .eight) == ColorPair(1))
        #expect(ColorPalette.colors(for: .success, depth: .eight) == ColorPair(2))
        #expect(ColorPalette.colors(for: .waiting, depth: .eight) == ColorPair(3))
    }

    @Test("without colour, bars and the selection are reversed and muted text dimmed")
    func monochrome() {
        #expect(ColorPalette.appearance(of: CellStyle(color: .selection), depth: .none).reverse)
        #expect(ColorPalette.appearance(of: CellStyle(color: .header), depth: .none).reverse)
        #expect(ColorPalette.appearance(of: CellStyle(color: .muted), depth: .none).dim)
        #expect(ColorPalette.appearance(of: CellStyle(color: .failure), depth: .none).bold)
        let plain = ColorPalette.appearance(of: CellStyle(color: .success, underline: true), depth: .none)
        #expect(plain.colors == nil && !plain.reverse && plain.underline)
        let coloured = ColorPalette.appearance(of: CellStyle(color: .selection), depth: .eight)
        #expect(!coloured.reverse && coloured.colors != nil)
    }

    @Test("bars the views draw reversed: reversed without colour, their own pair (not reversed) with colour")
    func bars() {
        for role in [ColorRole.header, .footer, .selection] {
            let style = CellStyle(color: role, reverse: true)
            #expect(ColorPalette.appearance(of: style, depth: .none).reverse, "\(role)")
            for depth in [ColorDepth.eight, .extended256] {
                let appearance = ColorPalette.appearance(of: style, depth: depth)
                #expect(!appearance.reverse && appearance.colors?.background != -1, "\(role) \(depth)")
            }
        }
    }

    @Test("each role has its own pair number, from 1")
    func pairNumbers() {
        let numbers = ColorRole.allCases.map(ColorPalette.pairNumber(for:))
        #expect(Set(numbers).count == ColorRole.allCases.count)
        #expect(numbers.min() == 1)
    }
}
