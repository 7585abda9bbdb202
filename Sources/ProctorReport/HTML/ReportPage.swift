/// What an HTML page shows, built and tested in Swift; the template only lays it out. Every
/// string here may hold model text and is escaped by the template, except ``Figure/svg``, which
/// the escaping SVG builder wrote.
public struct ReportPage: Sendable {
    /// The page title.
    public var title: String
    /// When the page was made (UTC, ISO 8601).
    public var generated: String
    /// The runs shown.
    public var runs: [RunCard]
    /// Sections, in order.
    public var sections: [Section]
    /// Per-sample rows, when the report has an evaluation.
    public var samples: SampleTable?
    /// Lines shown under the title (warnings, notes).
    public var notes: [String]
    /// Seconds between reloads for a live page (0: never).
    public var refreshSeconds: Int = 0 {
        didSet { refreshes = refreshSeconds > 0 }
    }
    /// Links across the dashboard (empty in an offline file).
    public var navigation: [Link] = [] {
        didSet { hasNavigation = !navigation.isEmpty }
    }
    /// Whether the page reloads itself (stored: the template reads stored properties only).
    public private(set) var refreshes = false
    /// Whether the page has navigation links.
    public private(set) var hasNavigation = false

    /// Creates a page.
    public init(title: String, generated: String, runs: [RunCard], sections: [Section], samples: SampleTable?, notes: [String]) {
        self.title = title
        self.generated = generated
        self.runs = runs
        self.sections = sections
        self.samples = samples
        self.notes = notes
    }
}

/// A link in the dashboard's navigation.
public struct Link: Sendable {
    /// The URL path (built by Proctor from run ids it checked).
    public var href: String
    /// Its text.
    public var text: String

    /// Creates a link.
    public init(href: String, text: String) {
        self.href = href
        self.text = text
    }
}

/// One run's identity card.
public struct RunCard: Sendable {
    /// Run id.
    public var id: String
    /// `eval` or `load`.
    public var kind: String
    /// Benchmark or workload.
    public var benchmark: String
    /// Protocol or mode.
    public var protocolName: String
    /// Model.
    public var model: String
    /// Endpoint (scheme, host, port and path only).
    public var endpoint: String
    /// Status.
    public var status: String
    /// Created, UTC.
    public var created: String
    /// Configuration hash (short).
    public var configHash: String
    /// Dataset name and hash (short).
    public var dataset: String
}

/// A titled block of figures and tables.
public struct Section: Sendable {
    /// Heading.
    public var heading: String
    /// Lines of explanation.
    public var notes: [String] = []
    /// Charts.
    public var figures: [Figure] = []
    /// Tables.
    public var tables: [Table] = []
    /// A form comparing two runs (dashboard only).
    public var compareForm: CompareForm?

    /// An empty section under `heading`.
    public init(heading: String) {
        self.heading = heading
    }
}

/// The dashboard's "compare two runs" form: a GET to `/compare` with two run ids.
public struct CompareForm: Sendable {
    /// Run ids to choose from.
    public var runIds: [String]

    /// A form offering `runIds`.
    public init(runIds: [String]) {
        self.runIds = runIds
    }
}

/// An inline SVG chart.
public struct Figure: Sendable {
    /// The SVG markup, from ``SVG`` (every text and attribute in it escaped).
    public var svg: String
}

/// A table of text cells.
public struct Table: Sendable {
    /// Creates a table.
    public init(caption: String, headers: [String], rows: [Row]) {
        self.caption = caption
        self.headers = headers
        self.rows = rows
    }

    /// Caption.
    public var caption: String
    /// Column headings.
    public var headers: [String]
    /// Rows of cells.
    public var rows: [Row]

    /// One row.
    public struct Row: Sendable {
        /// The cells.
        public var cells: [Cell]

        /// A row of `cells`.
        public init(cells: [Cell]) {
            self.cells = cells
        }
    }

    /// One cell; `key` names the figure (e.g. `accuracy:RUN:extractor`) so a test can find it.
    public struct Cell: Sendable {
        /// The text.
        public var text: String
        /// A stable key for tests, or empty.
        public var key: String
        /// Whether the cell has a key.
        public var hasKey: Bool
        /// A link target inside the dashboard (a path Proctor built), or empty.
        public var href: String
        /// Whether the cell links somewhere.
        public var hasLink: Bool

        /// A cell, with an optional key and an optional dashboard path to link to.
        public init(_ text: String, key: String = "", href: String = "") {
            self.text = text
            self.key = key
            hasKey = !key.isEmpty
            self.href = href
            hasLink = href.hasPrefix("/")
        }
    }
}

/// The per-sample table of an evaluation, filterable without script (CSS radio buttons).
public struct SampleTable: Sendable {
    /// The run the rows belong to.
    public var runId: String
    /// Rows shown.
    public var rows: [SampleRow]
    /// How many rows are shown.
    public var shown: Int
    /// Rows in the run.
    public var total: Int
    /// Position of the first row shown in the table's order (flipped, failed and wrong first when
    /// the run has more rows than a page holds).
    public var offset: Int
    /// Whether rows were left out.
    public var truncated: Bool
    /// Whether any row flipped against a base run.
    public var hasFlipped: Bool
    /// Links to the previous and next pages of rows (the dashboard's; none in a file).
    public var pages: [Link] = []
    /// The 1-based position of the first row shown (stored: the template reads stored
    /// properties only).
    public private(set) var first: Int

    /// A table of `rows`, which start `offset` rows into the run's `total`.
    public init(runId: String, rows: [SampleRow], total: Int, offset: Int, hasFlipped: Bool) {
        self.runId = runId
        self.rows = rows
        shown = rows.count
        self.total = total
        self.offset = offset
        truncated = rows.count < total
        self.hasFlipped = hasFlipped
        first = offset + 1
    }
}

/// One sample (one turn) with everything needed to judge the verdict by eye.
public struct SampleRow: Sendable {
    /// Sample id.
    public var sampleId: String
    /// Turn.
    public var turn: Int
    /// `correct`, `wrong`, `unscorable`, `error`, `judged` or `unscored`.
    public var status: String
    /// CSS classes from a fixed vocabulary (`s-wrong s-flipped`), never model text.
    public var classes: String
    /// Which way it flipped against the base run (`✓→✗`, `✗→✓`), or the judge's verdict
    /// (`rated 7`), else empty.
    public var flip: String
    /// The last user message.
    public var prompt: String
    /// The model's answer (or the error).
    public var answer: String
    /// Each extractor's reading: `name: extracted → correct`.
    public var extractions: [String]
    /// The reference answer.
    public var reference: String
    /// The judge's verdicts and rationale, when judged.
    public var judgments: [String]
    /// Tokens and latency.
    public var cost: String
}
