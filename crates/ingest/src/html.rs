//! HTML pages to `RawArticle`: a tolerant tokenizer, a light element tree, and the choice of
//! the container that holds the article.
//!
//! The page's visible text is laid out one block a line in `RawArticle::text`, so that the
//! furniture `pipeline::clean` removes keeps a span a user can look at. Scripts, styles,
//! comments, templates and embedded media leave no text at all. Each block carries what the
//! markup says of it (navigation, footer, aside, form, furniture class, link text, outside the
//! chosen container) as `model::MarkupHint`s; the decisions are `clean`'s.
//!
//! The container choice follows the readability idea: paragraphs of running text vote for
//! their parent and grandparent, votes are discounted by link density and weighted by class
//! names, and the best-scored element wins, together with siblings that score close to it.
//! The winner climbs to its parent while the parent holds twice its votes (an article in
//! wrapped sections). Inside the container, a furniture class still marks its blocks unless
//! the element holds a good part of the article's running text; author bios and comments
//! stay furniture however long, and teasers only when they link elsewhere.

use model::{Block, BlockKind, InputFormat, MarkupHint, RawArticle, Span};

/// Metadata found in the page head.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct HeadMeta {
    /// `og:title`, else `twitter:title`, else `<title>`.
    pub title: Option<String>,
    /// `article:published_time` and the like.
    pub published: Option<String>,
    /// `og:url` or the canonical link.
    pub url: Option<String>,
    /// `og:site_name`.
    pub site: Option<String>,
    /// The declared charset, from `<meta charset>` or `http-equiv`.
    pub charset: Option<String>,
}

/// Reads an HTML page that is already UTF-8.
pub fn read(html: &str, origin: &str, format: InputFormat, url: Option<&str>) -> RawArticle {
    let page = parse(html);
    let tally = tally(&page);
    let is_overridden = furniture_overrides(&page, &tally);
    let is_standfirst = unlinked_teasers(&page, &tally);
    let is_excused: Vec<bool> =
        is_overridden.iter().zip(&is_standfirst).map(|(&a, &b)| a || b).collect();
    let main = choose_main(&page, &is_excused);
    let running = &tally.running;
    let main_running: usize =
        main.as_ref().map_or(0, |m| m.nodes.iter().map(|&n| running[n]).sum());
    let wraps_main = main.as_ref().map(|m| m.ancestors(&page)).unwrap_or_default();
    let is_in_main: Vec<bool> = page
        .blocks
        .iter()
        .map(|block| main.as_ref().is_some_and(|m| m.contains(&page, block.node)))
        .collect();
    let is_gallery = is_gallery(&page, &is_in_main);
    let mut text = String::with_capacity(html.len() / 4);
    let mut blocks = Vec::with_capacity(page.blocks.len());
    for (block, &in_main) in page.blocks.iter().zip(&is_in_main) {
        if !text.is_empty() {
            text.push('\n');
        }
        let start = text.len();
        text.push_str(&block.text);
        // In a gallery the captions are the article, whatever their class says.
        let is_gallery_text = is_gallery && in_main && block.kind == BlockKind::Caption;
        // Furniture markup that wraps the whole article (a page-wide <form>, a body class
        // naming the sidebar layout) says nothing about the article's own blocks. Running text
        // overrules a furniture class only inside the article, and only when it holds a good
        // part of the article (`entry share`, `content-sidebar` wrappers): outside, a sidebar or
        // comment list full of sentences is still one, and inside, so is an author's bio.
        let is_set_aside = |source: usize| {
            let holds_article = in_main && running[source] * OVERRIDE_SHARE >= main_running;
            wraps_main.get(source).copied().unwrap_or(false)
                || is_standfirst[source]
                || (is_overridden[source] && holds_article)
                || (is_gallery_text && main.as_ref().is_some_and(|m| m.contains(&page, source)))
        };
        let mut hints: Vec<MarkupHint> = page.nodes[block.node]
            .hints
            .iter()
            .filter(|&&(_, source)| !is_set_aside(source))
            .map(|&(hint, _)| hint)
            .collect();
        if main.is_some() && !in_main {
            hints.push(MarkupHint::OutsideMain);
        }
        hints.sort();
        hints.dedup();
        blocks.push(Block {
            span: Span::new(start, text.len()),
            kind: if is_gallery_text { BlockKind::Paragraph } else { block.kind },
            link_bytes: block.link_bytes,
            hints,
        });
    }
    let title = page.meta.title.clone().or_else(|| page.first_h1.clone());
    RawArticle {
        origin: origin.to_owned(),
        format,
        url: url.map(str::to_owned).or_else(|| page.meta.url.clone()),
        title,
        published: page.meta.published.clone(),
        source: page.meta.site.clone(),
        text,
        blocks,
    }
}

/// Whether the chosen container is a gallery: captions hold most of its text.
fn is_gallery(page: &Page, is_in_main: &[bool]) -> bool {
    let (mut captions, mut all) = (0usize, 0usize);
    for (block, _) in page.blocks.iter().zip(is_in_main).filter(|(_, in_main)| **in_main) {
        all += block.text.len();
        if block.kind == BlockKind::Caption {
            captions += block.text.len();
        }
    }
    captions >= GALLERY_CAPTION_BYTES && captions * 2 >= all
}

/// Caption text a gallery holds at the least, in bytes: a few captions, not one.
const GALLERY_CAPTION_BYTES: usize = 300;

/// The charset a page declares in a `<meta>` tag in its first kilobytes, read before decoding.
/// A `charset` attribute on a script says how that script is encoded, not the page.
pub fn sniff_charset(bytes: &[u8]) -> Option<String> {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(8192)]).to_ascii_lowercase();
    let mut rest = head.as_str();
    while let Some(at) = rest.find("<meta") {
        let tag_end = rest[at..].find('>').map_or(rest.len(), |p| at + p);
        let tag = &rest[at..tag_end];
        rest = &rest[tag_end..];
        let Some(at) = tag.find("charset=") else { continue };
        let value = tag[at + 8..].trim_start_matches(['"', '\'', ' ']);
        let label: String = value
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
            .collect();
        if !label.is_empty() {
            return Some(label);
        }
    }
    None
}

#[derive(Debug)]
struct Node {
    tag: Tag,
    parent: usize,
    depth: u16,
    /// Furniture signals from this element and its ancestors, each with the node it came from.
    hints: Vec<(MarkupHint, usize)>,
    /// Class and id weight: positive for article-like names, negative for furniture names.
    class_weight: i32,
    /// Named a teaser: furniture only if it links elsewhere.
    is_teaser: bool,
    /// Named for readers' comments or an author's bio, which running text never makes the
    /// article.
    is_never_article: bool,
}

#[derive(Debug)]
struct TextBlock {
    node: usize,
    kind: BlockKind,
    text: String,
    link_bytes: u32,
}

#[derive(Debug)]
struct Page {
    nodes: Vec<Node>,
    blocks: Vec<TextBlock>,
    meta: HeadMeta,
    first_h1: Option<String>,
}

/// Tag names that matter here; everything else is `Other` (inline or unknown).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tag {
    Root,
    Block(BlockRole),
    A,
    Inline,
    Other,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum BlockRole {
    Container,
    Article,
    Main,
    Paragraph,
    Heading(u8),
    ListItem,
    List,
    Cell,
    Row,
    Table,
    Caption,
    Quote,
    Nav,
    Header,
    Footer,
    Aside,
    Form,
    Control,
    Body,
}

fn classify(name: &str) -> Tag {
    use BlockRole::*;
    let role = match name {
        "div" | "section" | "center" | "figure" | "details" | "summary" | "address"
        | "fieldset" | "hgroup" | "dialog" => Container,
        "article" => Article,
        "main" => Main,
        "p" => Paragraph,
        "h1" => Heading(1),
        "h2" => Heading(2),
        "h3" => Heading(3),
        "h4" => Heading(4),
        "h5" => Heading(5),
        "h6" => Heading(6),
        "li" | "dt" | "dd" => ListItem,
        "ul" | "ol" | "dl" | "menu" => List,
        "td" | "th" => Cell,
        "tr" => Row,
        "table" | "tbody" | "thead" | "tfoot" => Table,
        "figcaption" | "caption" => Caption,
        "blockquote" | "pre" => Quote,
        "nav" => Nav,
        "header" => Header,
        "footer" => Footer,
        "aside" => Aside,
        "form" => Form,
        "button" | "select" | "label" | "option" | "textarea" => Control,
        "body" => Body,
        "a" => return Tag::A,
        "span" | "b" | "i" | "em" | "strong" | "u" | "small" | "sub" | "sup" | "abbr" | "cite"
        | "q" | "time" | "font" | "mark" | "code" | "bdi" | "bdo" | "s" | "del" | "ins" | "kbd"
        | "var" => {
            return Tag::Inline;
        }
        _ => return Tag::Other,
    };
    Tag::Block(role)
}

/// Elements whose content is never visible text.
fn is_skipped(name: &str) -> bool {
    matches!(
        name,
        "script"
            | "style"
            | "noscript"
            | "template"
            | "svg"
            | "math"
            | "iframe"
            | "object"
            | "canvas"
            | "video"
            | "audio"
            | "title"
            | "textarea"
            | "select"
    )
}

fn is_void(name: &str) -> bool {
    matches!(
        name,
        "br" | "img"
            | "hr"
            | "meta"
            | "link"
            | "input"
            | "area"
            | "base"
            | "col"
            | "embed"
            | "param"
            | "source"
            | "track"
            | "wbr"
    )
}

/// Class and id words that mark furniture.
const FURNITURE_WORDS: &[&str] = &[
    "comment",
    "share",
    "sharing",
    "social",
    "related",
    "sidebar",
    "footer",
    "menu",
    "navbar",
    "nav",
    "breadcrumb",
    "breadcrumbs",
    "promo",
    "advert",
    "ads",
    "ad",
    "banner",
    "sponsor",
    "cookie",
    "popup",
    "modal",
    "newsletter",
    "subscribe",
    "signup",
    "login",
    "tags",
    "pagination",
    "pager",
    "mostread",
    "popular",
    "trending",
    "recommend",
    "recommended",
    "outbrain",
    "taboola",
    "disqus",
    "rating",
    "toolbar",
    "masthead",
    "skip",
    "readmore",
    "byline",
    "author",
    "bio",
    "newsticker",
    "ticker",
    "copyright",
    "consent",
    "caption",
    "meta",
    "credit",
    "credits",
    "aside",
    "navigation",
    "cta",
    "overlay",
    "postmeta",
    "postmetadata",
    "utility",
    "linklist",
    "taglist",
    "legend",
    "moduletable",
    "slider",
    "carousel",
];

/// Words for a teaser: a related article's card when it links elsewhere, the article's own
/// standfirst (`article-teaser`) when it does not.
const TEASER_WORDS: &[&str] = &["teaser"];

/// Furniture words that name furniture wherever they stand in a class, even next to an
/// article word (`related-posts`, `post-comments`, `entry-author-bio`).
const STRONG_FURNITURE_WORDS: &[&str] = &[
    "comment",
    "kommentare",
    "comentarios",
    "commentaires",
    "commenti",
    "share",
    "sharing",
    "related",
    "newsletter",
    "subscribe",
    "popular",
    "mostread",
    "trending",
    "recommend",
    "recommended",
    "outbrain",
    "taboola",
    "disqus",
    "author",
    "bio",
    "byline",
    "disclosure",
    "disclaimer",
    "affiliate",
    "caption",
    "credit",
    "copyright",
];

/// Class-name parts that describe a page state or layout rather than a block
/// (`no-sidebar`, `has-sidebar`, `layout-right-sidebar`, `footer-widgets-hidden`): a class
/// with one of them names no furniture.
const STATE_WORDS: &[&str] = &[
    "no",
    "not",
    "has",
    "with",
    "hide",
    "hidden",
    "visible",
    "enabled",
    "disabled",
    "active",
    "layout",
    "below",
    "above",
    "after",
    "before",
    "only",
    "sticky",
    "fixed",
    "set",
    "template",
    "js",
    "overrides",
];

/// Class and id words that mark the article.
const ARTICLE_WORDS: &[&str] = &[
    "article",
    "content",
    "entry",
    "post",
    "story",
    "body",
    "text",
    "main",
    "news-detail",
    "detail",
    "blog",
    "page-content",
    "articlebody",
    "article-body",
    "post-content",
    "entry-content",
];

/// What an element's class, id and role say of it, besides their weight.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ClassSignal {
    None,
    /// A teaser: furniture when it links elsewhere, the article's lead when it does not.
    Teaser,
    Furniture,
    /// Readers' comments or an author's bio: furniture however much running text they hold.
    NeverArticle,
}

fn class_weight(attrs: &str) -> (i32, ClassSignal) {
    let mut weight = 0;
    let mut is_furniture = false;
    let mut is_teaser = false;
    let mut is_never_article = false;
    for name in ["class", "id", "role", "itemprop"] {
        let Some(value) = attr(attrs, name) else { continue };
        let value = split_camel_case(value);
        if name == "itemprop" && value.contains("articlebody") {
            weight += 40;
            continue;
        }
        if name == "role" {
            match value.as_str() {
                "navigation" | "banner" | "contentinfo" | "complementary" | "menu" | "search" => {
                    is_furniture = true;
                    weight -= 25;
                }
                "main" | "article" => weight += 25,
                _ => {}
            }
            continue;
        }
        for word in value.split(|c: char| c.is_whitespace()) {
            // Taxonomy classes (`category-comment`, `tag-share`) name the post's topics.
            if word.starts_with("category-") || word.starts_with("tag-") {
                continue;
            }
            let parts = || word.split(['-', '_']).filter(|p| !p.is_empty());
            let has = |list: &[&str]| {
                parts().any(|p| list.iter().any(|w| p == *w || p.strip_suffix('s') == Some(w)))
                    || list.contains(&word)
            };
            // The last part names the thing (`entry-footer` is a footer, `article-body` a
            // body); earlier parts only say where it belongs.
            let last = parts().next_back().unwrap_or(word);
            let is_last = |list: &[&str]| {
                list.iter().any(|w| last == *w || last.strip_suffix('s') == Some(w))
            };
            let is_state = parts().any(|p| STATE_WORDS.contains(&p));
            let is_furniture_word = is_last(FURNITURE_WORDS)
                || has(STRONG_FURNITURE_WORDS)
                || (has(FURNITURE_WORDS) && !has(ARTICLE_WORDS));
            let is_article = !is_furniture_word && has(ARTICLE_WORDS);
            if is_furniture_word && !is_state {
                weight -= 25;
                is_furniture = true;
                is_never_article |= parts().any(|p| {
                    ["comment", "kommentare", "comentarios"].iter().any(|w| p.starts_with(w))
                        || ["author", "bio", "byline"].contains(&p)
                });
            } else if has(TEASER_WORDS) && !is_state {
                is_teaser = true;
            } else if is_article {
                weight += 25;
            }
        }
    }
    let signal = match (is_furniture, is_teaser) {
        _ if is_never_article => ClassSignal::NeverArticle,
        (true, _) => ClassSignal::Furniture,
        (false, true) => ClassSignal::Teaser,
        (false, false) => ClassSignal::None,
    };
    (weight, signal)
}

/// Lowercases a class or id and marks where camel case starts a new part with `-`
/// (`relatedPosts` is `related-posts`).
fn split_camel_case(value: &str) -> String {
    let mut acc = String::with_capacity(value.len() + 4);
    let mut after_lower = false;
    for c in value.chars() {
        if c.is_ascii_uppercase() && after_lower {
            acc.push('-');
        }
        after_lower = c.is_ascii_lowercase();
        acc.push(c.to_ascii_lowercase());
    }
    acc
}

/// Finds an attribute's value in a tag's attribute text. Names are matched case-insensitively.
fn attr<'a>(attrs: &'a str, name: &str) -> Option<&'a str> {
    let bytes = attrs.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        while i < bytes.len() && (bytes[i].is_ascii_whitespace() || bytes[i] == b'/') {
            i += 1;
        }
        let name_start = i;
        while i < bytes.len()
            && !bytes[i].is_ascii_whitespace()
            && !matches!(bytes[i], b'=' | b'/' | b'>')
        {
            i += 1;
        }
        let found = &attrs[name_start..i];
        while i < bytes.len() && bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        let mut value = "";
        if i < bytes.len() && bytes[i] == b'=' {
            i += 1;
            while i < bytes.len() && bytes[i].is_ascii_whitespace() {
                i += 1;
            }
            if i < bytes.len() && (bytes[i] == b'"' || bytes[i] == b'\'') {
                let quote = bytes[i];
                let start = i + 1;
                let end = memchr::memchr(quote, &bytes[start..]).map_or(bytes.len(), |p| start + p);
                value = &attrs[start..end];
                i = (end + 1).min(bytes.len());
            } else {
                let start = i;
                while i < bytes.len() && !bytes[i].is_ascii_whitespace() && bytes[i] != b'>' {
                    i += 1;
                }
                value = &attrs[start..i];
            }
        }
        if found.eq_ignore_ascii_case(name) {
            return Some(value);
        }
        if found.is_empty() {
            i += 1;
        }
    }
    None
}

/// Builds the element tree and the text blocks in one pass.
struct Builder {
    nodes: Vec<Node>,
    /// Open elements, as node indices, with their tag names.
    stack: Vec<(usize, String)>,
    blocks: Vec<TextBlock>,
    text: String,
    link_bytes: usize,
    /// Depth of open `<a>` elements.
    in_link: usize,
    /// Depth of open ruby annotations (`<rt>`, `<rp>`): a reading aid printed above the
    /// base text, not part of the sentence.
    in_ruby_text: usize,
    /// Depth of open `<figure>` and `<figcaption>` elements.
    in_figure: usize,
    meta: HeadMeta,
    first_h1: Option<String>,
    h1_open: Option<usize>,
}

impl Builder {
    fn current(&self) -> usize {
        self.stack.last().map_or(0, |(idx, _)| *idx)
    }

    /// The innermost open block element, which owns the text being read.
    fn block_owner(&self) -> (usize, BlockKind) {
        for (idx, _) in self.stack.iter().rev() {
            if let Tag::Block(role) = self.nodes[*idx].tag {
                let kind = match role {
                    BlockRole::Heading(level) => BlockKind::Heading(level),
                    BlockRole::ListItem => BlockKind::ListItem,
                    BlockRole::Cell => BlockKind::TableCell,
                    BlockRole::Caption => BlockKind::Caption,
                    BlockRole::Quote => BlockKind::Quote,
                    _ => BlockKind::Paragraph,
                };
                // Text in a figure is its caption or credit, whatever blocks it is wrapped in,
                // unless the figure holds a quote or a table.
                let is_figure_text =
                    self.in_figure > 0 && !matches!(kind, BlockKind::Quote | BlockKind::TableCell);
                if is_figure_text {
                    return (*idx, BlockKind::Caption);
                }
                return (*idx, kind);
            }
        }
        (0, BlockKind::Paragraph)
    }

    fn flush(&mut self) {
        let trimmed = self.text.trim();
        if trimmed.is_empty() {
            self.text.clear();
            self.link_bytes = 0;
            return;
        }
        let (node, kind) = self.block_owner();
        let text = trimmed.to_owned();
        let link_bytes = self.link_bytes.min(text.len());
        if kind == BlockKind::Heading(1) && self.first_h1.is_none() {
            self.first_h1 = Some(text.clone());
        }
        self.blocks.push(TextBlock { node, kind, text, link_bytes: link_bytes as u32 });
        self.text.clear();
        self.link_bytes = 0;
    }

    fn push_text(&mut self, raw: &str) {
        if self.in_ruby_text > 0 {
            return;
        }
        let before = self.text.len();
        for c in DecodeEntities::new(raw) {
            if c.is_whitespace() || c == '\u{FEFF}' {
                if !self.text.is_empty() && !self.text.ends_with(' ') {
                    self.text.push(' ');
                }
            } else if !c.is_control() && c != '\u{AD}' {
                // A soft hyphen only marks where a browser may break a word.
                self.text.push(c);
            }
        }
        if self.in_link > 0 {
            self.link_bytes += self.text.len() - before;
        }
    }

    fn open(&mut self, name: &str, attrs: &str) {
        let tag = classify(name);
        // Implied end tags: a new paragraph, list item, cell or row closes the previous one.
        let closes: &[&str] = match name {
            "p" | "div" | "ul" | "ol" | "table" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6"
            | "blockquote" | "section" | "article" | "pre" => &["p"],
            "li" => &["li"],
            "dt" | "dd" => &["dt", "dd"],
            "td" | "th" => &["td", "th"],
            "tr" => &["tr", "td", "th"],
            "option" => &["option"],
            "rt" | "rp" => &["rt", "rp"],
            _ => &[],
        };
        if !closes.is_empty()
            && let Some(top) = self.stack.last()
            && closes.contains(&top.1.as_str())
        {
            self.close(&top.1.clone());
        }
        if matches!(tag, Tag::Block(_)) || name == "br" {
            self.flush();
        }
        if name == "a" {
            self.in_link += 1;
        }
        if name == "rt" || name == "rp" {
            self.in_ruby_text += 1;
        }
        if name == "figure" || name == "figcaption" {
            self.in_figure += 1;
        }
        if is_void(name) {
            if name == "meta" || name == "link" {
                self.read_meta(name, attrs);
            }
            if name == "img" || name == "hr" {
                self.flush();
            }
            return;
        }
        let parent = self.current();
        let idx = self.nodes.len();
        let mut hints = self.nodes[parent].hints.clone();
        if let Tag::Block(role) = tag {
            let hint = match role {
                BlockRole::Nav => Some(MarkupHint::Navigation),
                BlockRole::Footer => Some(MarkupHint::Footer),
                BlockRole::Aside => Some(MarkupHint::Aside),
                BlockRole::Form | BlockRole::Control => Some(MarkupHint::Form),
                _ => None,
            };
            hints.extend(hint.map(|h| (h, idx)));
        }
        let (class_weight, signal) =
            if attrs.is_empty() { (0, ClassSignal::None) } else { class_weight(attrs) };
        // The page's outermost elements and the article elements are never furniture by class:
        // `<body class="content-sidebar">` names a layout, not a block.
        let is_teaser = signal == ClassSignal::Teaser;
        let is_never_article = signal == ClassSignal::NeverArticle;
        // An `<article>` named a teaser is a card for another article.
        let is_furniture = signal != ClassSignal::None
            && (!matches!(name, "html" | "body" | "main" | "article")
                || (name == "article" && is_teaser));
        if is_furniture {
            hints.push((MarkupHint::BoilerplateClass, idx));
        }
        // Every source is kept, not one per kind: an outer signal may later be set aside
        // (a furniture-named wrapper around the whole article) while an inner one holds.
        let depth = self.nodes[parent].depth.saturating_add(1);
        self.nodes.push(Node {
            tag,
            parent,
            depth,
            hints,
            class_weight,
            is_teaser,
            is_never_article,
        });
        let idx = self.nodes.len() - 1;
        if name == "h1" && self.h1_open.is_none() {
            self.h1_open = Some(idx);
        }
        self.stack.push((idx, name.to_owned()));
    }

    fn close(&mut self, name: &str) {
        // Close only what is open; a stray end tag is ignored, as browsers do.
        let Some(pos) = self.stack.iter().rposition(|(_, n)| n == name) else {
            if name == "a" {
                self.in_link = self.in_link.saturating_sub(1);
            }
            return;
        };
        let closing_blocks =
            self.stack[pos..].iter().any(|(idx, _)| matches!(self.nodes[*idx].tag, Tag::Block(_)));
        if closing_blocks {
            self.flush();
        }
        for (_, n) in self.stack.drain(pos..) {
            if n == "a" {
                self.in_link = self.in_link.saturating_sub(1);
            }
            if n == "rt" || n == "rp" {
                self.in_ruby_text = self.in_ruby_text.saturating_sub(1);
            }
            if n == "figure" || n == "figcaption" {
                self.in_figure = self.in_figure.saturating_sub(1);
            }
        }
    }

    fn read_meta(&mut self, name: &str, attrs: &str) {
        if name == "link" {
            if attr(attrs, "rel").is_some_and(|r| r.eq_ignore_ascii_case("canonical"))
                && self.meta.url.is_none()
            {
                self.meta.url = attr(attrs, "href").map(decode_text);
            }
            return;
        }
        if let Some(charset) = attr(attrs, "charset") {
            self.meta.charset = Some(charset.to_owned());
        }
        let key = attr(attrs, "property")
            .or_else(|| attr(attrs, "name"))
            .or_else(|| attr(attrs, "itemprop"));
        let (Some(key), Some(content)) = (key, attr(attrs, "content")) else { return };
        let content = decode_text(content);
        if content.is_empty() {
            return;
        }
        let key = key.to_ascii_lowercase();
        match key.as_str() {
            "og:title" => self.meta.title = Some(content),
            "twitter:title" if self.meta.title.is_none() => self.meta.title = Some(content),
            "article:published_time"
            | "datepublished"
            | "og:published_time"
            | "pubdate"
            | "publishdate"
            | "date"
            | "dc.date"
            | "dc.date.issued"
            | "sailthru.date"
            | "parsely-pub-date"
                if self.meta.published.is_none() =>
            {
                self.meta.published = Some(content);
            }
            "og:url" if self.meta.url.is_none() => self.meta.url = Some(content),
            "og:site_name" => self.meta.site = Some(content),
            _ => {}
        }
    }
}

fn decode_text(raw: &str) -> String {
    let decoded: String = DecodeEntities::new(raw).collect();
    decoded.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn parse(html: &str) -> Page {
    let mut builder = Builder {
        nodes: vec![Node {
            tag: Tag::Root,
            parent: 0,
            depth: 0,
            hints: Vec::new(),
            class_weight: 0,
            is_teaser: false,
            is_never_article: false,
        }],
        stack: Vec::new(),
        blocks: Vec::new(),
        text: String::new(),
        link_bytes: 0,
        in_link: 0,
        in_ruby_text: 0,
        in_figure: 0,
        meta: HeadMeta::default(),
        first_h1: None,
        h1_open: None,
    };
    let bytes = html.as_bytes();
    let mut title_text: Option<String> = None;
    let mut i = 0;
    while i < bytes.len() {
        let Some(lt) = memchr::memchr(b'<', &bytes[i..]).map(|p| i + p) else {
            builder.push_text(&html[i..]);
            break;
        };
        if lt > i {
            builder.push_text(&html[i..lt]);
        }
        let rest = &bytes[lt..];
        if rest.starts_with(b"<!--") {
            i = find(bytes, lt + 4, b"-->").map_or(bytes.len(), |p| p + 3);
            continue;
        }
        if rest.starts_with(b"<!") || rest.starts_with(b"<?") {
            i = memchr::memchr(b'>', &bytes[lt..]).map_or(bytes.len(), |p| lt + p + 1);
            continue;
        }
        let is_end = rest.get(1) == Some(&b'/');
        let name_start = lt + if is_end { 2 } else { 1 };
        let mut name_end = name_start;
        while name_end < bytes.len()
            && (bytes[name_end].is_ascii_alphanumeric() || bytes[name_end] == b'-')
        {
            name_end += 1;
        }
        if name_end == name_start || !bytes[name_start].is_ascii_alphabetic() {
            // A bare `<` in text, as in `a < b`.
            builder.push_text("<");
            i = lt + 1;
            continue;
        }
        let tag_end = tag_end(bytes, name_end);
        let name = html[name_start..name_end].to_ascii_lowercase();
        // Without a closing `>` (a tag cut off by the end of the page) the attributes run to the end.
        let attrs_end = if bytes[..tag_end].ends_with(b">") { tag_end - 1 } else { tag_end };
        let attrs = &html[name_end..attrs_end.max(name_end)];
        i = tag_end;
        if is_end {
            builder.close(&name);
            continue;
        }
        if name == "meta" || name == "link" {
            builder.read_meta(&name, attrs);
            continue;
        }
        if is_skipped(&name) {
            let self_closing = attrs.trim_end().ends_with('/');
            if self_closing {
                continue;
            }
            // Skip to the matching end tag; raw-text elements cannot nest, others rarely do.
            let close = format!("</{name}");
            let end = find_ci(bytes, i, close.as_bytes()).unwrap_or(bytes.len());
            if name == "title" {
                title_text = Some(decode_text(&html[i..end]));
            }
            i = memchr::memchr(b'>', &bytes[end..]).map_or(bytes.len(), |p| end + p + 1);
            continue;
        }
        builder.open(&name, attrs);
    }
    builder.flush();
    if builder.meta.title.is_none() {
        builder.meta.title = title_text.filter(|t| !t.is_empty());
    }
    Page {
        nodes: builder.nodes,
        blocks: builder.blocks,
        meta: builder.meta,
        first_h1: builder.first_h1,
    }
}

/// The byte after the `>` that ends a tag, skipping `>` inside quoted attribute values.
///
/// A quote opens a value only right after `=` (spaces allowed), as in browsers: a stray quote
/// inside an unquoted value (`<a href=x'y>`) must not swallow the rest of the page.
fn tag_end(bytes: &[u8], from: usize) -> usize {
    let mut quote: Option<u8> = None;
    let mut after_equals = false;
    let mut i = from;
    while i < bytes.len() {
        let b = bytes[i];
        match quote {
            Some(q) if b == q => quote = None,
            Some(_) => {}
            None if (b == b'"' || b == b'\'') && after_equals => quote = Some(b),
            None if b == b'>' => return i + 1,
            None => {}
        }
        if quote.is_none() && !b.is_ascii_whitespace() {
            after_equals = b == b'=';
        }
        i += 1;
    }
    bytes.len()
}

fn find(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(&bytes[from.min(bytes.len())..], needle).map(|p| from + p)
}

/// Finds an ASCII needle case-insensitively.
fn find_ci(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    let mut at = from;
    while at < bytes.len() {
        let p = at + memchr::memchr(b'<', &bytes[at..])?;
        let candidate = &bytes[p..bytes.len().min(p + needle.len())];
        if candidate.eq_ignore_ascii_case(needle) {
            return Some(p);
        }
        at = p + 1;
    }
    None
}

/// The chosen article container: an element and the siblings that join it.
struct Main {
    nodes: Vec<usize>,
}

impl Main {
    /// For each node, whether it is an ancestor (or the top) of the chosen container.
    fn ancestors(&self, page: &Page) -> Vec<bool> {
        let mut acc = vec![false; page.nodes.len()];
        let mut at = self.nodes[0];
        loop {
            acc[at] = true;
            if at == 0 {
                break;
            }
            at = page.nodes[at].parent;
        }
        acc
    }

    fn contains(&self, page: &Page, node: usize) -> bool {
        let mut at = node;
        loop {
            if self.nodes.contains(&at) {
                return true;
            }
            if at == 0 {
                return false;
            }
            at = page.nodes[at].parent;
        }
    }
}

/// Text under each node, in bytes: all of it, running text (paragraphs of at least 80 chars
/// with little link text) and link text.
struct Tally {
    text: Vec<usize>,
    running: Vec<usize>,
    links: Vec<usize>,
}

fn tally(page: &Page) -> Tally {
    let n = page.nodes.len();
    let mut acc = Tally { text: vec![0; n], running: vec![0; n], links: vec![0; n] };
    for block in &page.blocks {
        let len = block.text.len();
        let links = block.link_bytes as usize;
        let is_running = matches!(block.kind, BlockKind::Paragraph | BlockKind::Quote)
            && block.text.chars().count() >= 80
            && links * 10 < len * 3;
        let mut at = block.node;
        loop {
            acc.text[at] += len;
            acc.links[at] += links;
            if is_running {
                acc.running[at] += len;
            }
            if at == 0 {
                break;
            }
            at = page.nodes[at].parent;
        }
    }
    acc
}

/// For each node, whether its furniture class is overruled by its content: an element whose
/// text is mostly running paragraphs is article text, whatever its class says
/// (`right-sidebar` layouts, `sidebar-included` wrappers). Readers' comments and authors'
/// bios are the exception: one long comment must not pass for the article.
fn furniture_overrides(page: &Page, tally: &Tally) -> Vec<bool> {
    (0..page.nodes.len())
        .map(|idx| {
            let (text, running) = (tally.text[idx], tally.running[idx]);
            running >= 400 && running * 2 >= text && !page.nodes[idx].is_never_article
        })
        .collect()
}

/// For each node, whether it is a teaser that links nowhere: the article's own standfirst.
fn unlinked_teasers(page: &Page, tally: &Tally) -> Vec<bool> {
    page.nodes
        .iter()
        .enumerate()
        .map(|(idx, node)| node.is_teaser && tally.links[idx] * 10 < tally.text[idx])
        .collect()
}

/// A furniture-classed element inside the article is article text when it holds at least
/// 1/`OVERRIDE_SHARE` of the article's running text.
const OVERRIDE_SHARE: usize = 4;

/// How many levels above a paragraph a furniture class still stops the paragraph's vote.
const FURNITURE_REACH: u16 = 6;

/// Chooses the article container. `is_excused[node]` sets a node's furniture signal aside for
/// the vote (running text under a furniture class, a teaser that links nowhere).
fn choose_main(page: &Page, is_excused: &[bool]) -> Option<Main> {
    let n = page.nodes.len();
    let mut score = vec![0.0f32; n];
    let mut text_bytes = vec![0usize; n];
    let mut link_bytes = vec![0usize; n];
    // All votes cast below each node, undiscounted.
    let mut mass = vec![0.0f32; n];
    for block in &page.blocks {
        let mut at = block.node;
        loop {
            text_bytes[at] += block.text.len();
            link_bytes[at] += block.link_bytes as usize;
            if at == 0 {
                break;
            }
            at = page.nodes[at].parent;
        }
        let chars = block.text.chars().count();
        let is_running =
            matches!(block.kind, BlockKind::Paragraph | BlockKind::Quote) && chars >= 25;
        // Furniture introduced near the root (a page-wide form or wrapper) does not stop a vote.
        // Only furniture close above a paragraph stops its vote (a comment inside a comments
        // list); a furniture class far up is more often a layout wrapper around the article.
        let depth = page.nodes[block.node].depth;
        let is_furniture = page.nodes[block.node].hints.iter().any(|&(_, source)| {
            let source_depth = page.nodes[source].depth;
            source_depth > 2 && source_depth + FURNITURE_REACH >= depth && !is_excused[source]
        });
        if !is_running || is_furniture {
            continue;
        }
        let commas = block.text.matches([',', '،', '.', '؛', '、', '，', '。']).count() as f32;
        let vote = 1.0 + commas.min(10.0) + (chars as f32 / 100.0).min(3.0);
        let mut at = block.node;
        loop {
            mass[at] += vote;
            if at == 0 {
                break;
            }
            at = page.nodes[at].parent;
        }
        // The block's own element, its parent and grandparent receive decreasing shares.
        let mut at = block.node;
        for share in [1.0, 1.0, 0.5, 0.25] {
            score[at] += vote * share;
            if at == 0 {
                break;
            }
            at = page.nodes[at].parent;
        }
    }
    let mut best: Option<(usize, f32)> = None;
    for idx in 1..n {
        if score[idx] <= 0.0 {
            continue;
        }
        let link_density = link_bytes[idx] as f32 / text_bytes[idx].max(1) as f32;
        let weighted = (score[idx] + page.nodes[idx].class_weight as f32) * (1.0 - link_density);
        score[idx] = weighted;
        if best.is_none_or(|(_, s)| weighted > s) {
            best = Some((idx, weighted));
        }
    }
    let (best, best_score) = best?;
    if best_score < 5.0 {
        return None;
    }
    // Prefer the whole article element when the best node sits inside one.
    let mut top = best;
    let mut at = best;
    while at != 0 {
        if matches!(page.nodes[at].tag, Tag::Block(BlockRole::Article | BlockRole::Main)) {
            top = at;
            break;
        }
        at = page.nodes[at].parent;
    }
    // An article split into sections, each in its own wrapper, leaves most of its votes
    // outside the best section: climb while the parent holds at least twice the votes.
    loop {
        let parent = page.nodes[top].parent;
        if parent == 0 || page.nodes[parent].depth <= 2 {
            break;
        }
        let link_density = link_bytes[parent] as f32 / text_bytes[parent].max(1) as f32;
        if mass[parent] < mass[top] * 2.0 || link_density >= 0.3 {
            break;
        }
        top = parent;
    }
    let mut nodes = vec![top];
    let parent = page.nodes[top].parent;
    if top != 0 && parent != 0 {
        let threshold = (best_score * 0.1).max(3.0);
        let siblings = page.nodes.iter().zip(&score).enumerate().skip(1);
        for (idx, (node, &node_score)) in siblings {
            if idx != top && node.parent == parent && node_score >= threshold {
                nodes.push(idx);
            }
        }
    }
    Some(Main { nodes })
}

/// Decodes character references while iterating over a text run's chars.
struct DecodeEntities<'a> {
    rest: &'a str,
    pending: Option<char>,
}

impl<'a> DecodeEntities<'a> {
    fn new(text: &'a str) -> DecodeEntities<'a> {
        DecodeEntities { rest: text, pending: None }
    }
}

impl Iterator for DecodeEntities<'_> {
    type Item = char;

    fn next(&mut self) -> Option<char> {
        if let Some(c) = self.pending.take() {
            return Some(c);
        }
        let c = self.rest.chars().next()?;
        if c != '&' {
            self.rest = &self.rest[c.len_utf8()..];
            return Some(c);
        }
        let body = &self.rest[1..];
        let end =
            body.find(|c: char| !(c.is_ascii_alphanumeric() || c == '#')).unwrap_or(body.len());
        let name = &body[..end];
        let has_semicolon = body[end..].starts_with(';');
        if let Some((decoded, second)) = entity(name) {
            self.rest = &body[end + usize::from(has_semicolon)..];
            self.pending = second;
            return Some(decoded);
        }
        self.rest = body;
        Some('&')
    }
}

/// A character reference's value: numeric, or one of the named ones news pages use.
fn entity(name: &str) -> Option<(char, Option<char>)> {
    if let Some(num) = name.strip_prefix('#') {
        let value = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse::<u32>().ok()?,
        };
        return Some((char::from_u32(value).filter(|c| *c != '\0').unwrap_or('\u{FFFD}'), None));
    }
    let c = match name {
        "amp" | "AMP" => '&',
        "lt" | "LT" => '<',
        "gt" | "GT" => '>',
        "quot" | "QUOT" => '"',
        "apos" => '\'',
        "nbsp" => '\u{00A0}',
        "shy" => '\u{00AD}',
        "zwnj" => '\u{200C}',
        "zwj" => '\u{200D}',
        "lrm" => '\u{200E}',
        "rlm" => '\u{200F}',
        "ensp" => '\u{2002}',
        "emsp" => '\u{2003}',
        "thinsp" => '\u{2009}',
        "copy" => '©',
        "reg" => '®',
        "trade" => '™',
        "hellip" => '…',
        "mdash" => '—',
        "ndash" => '–',
        "lsquo" => '‘',
        "rsquo" => '’',
        "sbquo" => '‚',
        "ldquo" => '“',
        "rdquo" => '”',
        "bdquo" => '„',
        "laquo" => '«',
        "raquo" => '»',
        "lsaquo" => '‹',
        "rsaquo" => '›',
        "bull" => '•',
        "middot" => '·',
        "times" => '×',
        "divide" => '÷',
        "euro" => '€',
        "pound" => '£',
        "yen" => '¥',
        "cent" => '¢',
        "sect" => '§',
        "para" => '¶',
        "deg" => '°',
        "plusmn" => '±',
        "frac12" => '½',
        "frac14" => '¼',
        "frac34" => '¾',
        "iexcl" => '¡',
        "iquest" => '¿',
        "prime" => '′',
        "Prime" => '″',
        "auml" => 'ä',
        "ouml" => 'ö',
        "uuml" => 'ü',
        "Auml" => 'Ä',
        "Ouml" => 'Ö',
        "Uuml" => 'Ü',
        "szlig" => 'ß',
        "eacute" => 'é',
        "egrave" => 'è',
        "ecirc" => 'ê',
        "euml" => 'ë',
        "Eacute" => 'É',
        "Egrave" => 'È',
        "agrave" => 'à',
        "aacute" => 'á',
        "acirc" => 'â',
        "atilde" => 'ã',
        "aring" => 'å',
        "aelig" => 'æ',
        "Agrave" => 'À',
        "Aacute" => 'Á',
        "ccedil" => 'ç',
        "Ccedil" => 'Ç',
        "ntilde" => 'ñ',
        "Ntilde" => 'Ñ',
        "oacute" => 'ó',
        "ograve" => 'ò',
        "ocirc" => 'ô',
        "otilde" => 'õ',
        "oslash" => 'ø',
        "Oslash" => 'Ø',
        "iacute" => 'í',
        "igrave" => 'ì',
        "icirc" => 'î',
        "iuml" => 'ï',
        "uacute" => 'ú',
        "ugrave" => 'ù',
        "ucirc" => 'û',
        "yacute" => 'ý',
        "yuml" => 'ÿ',
        "scaron" => 'š',
        "Scaron" => 'Š',
        "zcaron" => 'ž',
        "Zcaron" => 'Ž',
        _ => return None,
    };
    Some((c, None))
}

#[cfg(test)]
mod tests;
