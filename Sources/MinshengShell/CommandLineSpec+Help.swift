import MinshengCore

/// `--help`, the man page and the completion scripts, written from the option table and the
/// command table.
extension CommandLineSpec {
    static func spelling(_ o: CommandLineOption, _ lang: Language) -> String {
        o.names.joined(separator: ", ") + (o.value.map { " " + $0.text(lang) } ?? "")
    }

    /// The variables the shell reads, for `--help` and the man page.
    static let environment: [(name: String, help: Localized)] = [
        ("MINSHENG_DB", Localized(en: "the database when --db is not given", zh: "未给 --db 时使用的数据库")),
        ("XDG_DATA_HOME", Localized(en: "where minsheng.db and the history live (default ~/.local/share/minsheng)", zh: "minsheng.db 和历史记录所在目录（默认 ~/.local/share/minsheng）")),
        ("MINSHENG_PAGER, PAGER", Localized(en: "the pager for output longer than the screen (default less -RSFX)", zh: "输出超过一屏时使用的分页程序（默认 less -RSFX）")),
        ("LC_ALL, LC_MESSAGES, LANG", Localized(en: "a zh_* locale gets Chinese, unless --lang says otherwise", zh: "zh_* 区域设置使用中文，除非 --lang 另行指定")),
        ("NO_COLOR", Localized(en: "no colour in messages", zh: "提示信息不用颜色")),
        ("PGHOST, PGUSER, PGPASSWORD, …", Localized(en: "libpq's settings for a postgres:// database", zh: "postgres:// 数据库使用的 libpq 设置")),
    ]

    static let description = Localized(
        en: """
            With no script and a terminal on standard input, opens the interactive shell; standard input \
            that is not a terminal is read as a script. Every -c and every script runs in the order given; \
            the first error stops the rest (exit status 1) unless --keep-going.
            """,
        zh: """
            没有脚本且标准输入是终端时，打开交互式命令行；标准输入不是终端时，将其作为脚本读取。\
            每个 -c 和脚本按给出的顺序执行；第一个错误会停止其余部分（退出码 1），除非给了 --keep-going。
            """)

    /// What `minsheng --help` prints.
    public static func help(_ lang: Language) -> String {
        let zh = lang == .zh
        var out = zh ? "minsheng — 民声：接诉即办、走访与议事协商的命令行\n\n" : "minsheng — 民声: a shell for requests, visits and consultation meetings\n\n"
        out += zh ? "用法：minsheng [选项] [脚本…]\n\n" : "usage: minsheng [options] [SCRIPT…]\n\n"
        out += wrapped(description.text(lang), width: 78, indent: 0) + "\n\n"
        out += zh ? "选项：\n" : "options:\n"
        out += aligned(options.map { (spelling($0, lang), $0.help.text(lang)) })
        out += zh ? "\n环境变量：\n" : "\nenvironment:\n"
        out += aligned(environment.map { ($0.name, $0.help.text(lang)) })
        let more =
            zh
            ? "在命令行里输入 帮助 列出全部命令，帮助 命令 查看一条命令；man minsheng 是完整的手册。"
            : "In the shell, help lists every command and help COMMAND explains one; man minsheng is the manual."
        out += "\n" + wrapped(more, width: 78, indent: 0) + "\n"
        return out
    }

    /// Name and text in two columns; the text wrapped to 80 columns under itself.
    static func aligned(_ rows: [(String, String)]) -> String {
        let width = min(30, rows.map { DisplayWidth.of($0.0) }.max() ?? 0)
        return rows.map { name, text in
            let w = DisplayWidth.of(name)
            let body = wrapped(text, width: 78 - width - 2, indent: width + 4)
            return w > width
                ? "  \(name)\n\(String(repeating: " ", count: width + 4))\(body)\n"
                : "  \(name)\(String(repeating: " ", count: width - w))  \(body)\n"
        }.joined()
    }

    /// Greedy wrapping by display width: at spaces, and between Chinese characters (a
    /// closing mark stays with the character before it).
    static func wrapped(_ text: String, width: Int, indent: Int) -> String {
        var tokens: [(text: String, spaced: Bool)] = []
        var spaced = false, wideLast = false
        for c in text {
            let wide = DisplayWidth.of(String(c)) == 2
            if c == " " {
                spaced = true
            } else if tokens.isEmpty || spaced || (wide && !"，。；：、）".contains(c)) || (wideLast && !wide) {
                tokens.append((String(c), spaced && !tokens.isEmpty))
                spaced = false
            } else {
                tokens[tokens.count - 1].text.append(c)
            }
            if c != " " { wideLast = wide }
        }
        var lines: [String] = [], line = "", lineWidth = 0
        for t in tokens {
            let gap = t.spaced ? 1 : 0, w = DisplayWidth.of(t.text)
            if !line.isEmpty, lineWidth + gap + w > width {
                lines.append(line)
                (line, lineWidth) = (t.text, w)
            } else {
                line += (gap == 1 ? " " : "") + t.text
                lineWidth += gap + w
            }
        }
        if !line.isEmpty { lines.append(line) }
        return lines.joined(separator: "\n" + String(repeating: " ", count: indent))
    }

    // MARK: the man page

    /// `minsheng.1`: the options, the environment, and every command of the command table by
    /// section, with its Chinese spelling and its summary.
    public static func manPage(_ lang: Language, commands: CommandTable = .standard) -> String {
        let zh = lang == .zh
        func esc(_ s: String) -> String {
            let t = s.replacingAll("\\", with: "\\e").replacingAll("-", with: "\\-")
            return t.hasPrefix(".") || t.hasPrefix("'") ? "\\&" + t : t
        }
        var out = [
            ".TH MINSHENG 1 \"\" \"\(version)\" \"\(zh ? "民声手册" : "minsheng manual")\"",
            // Left-aligned, never hyphenated: a usage line is copied as typed.
            ".nh", ".ad l",
            ".SH \(zh ? "名称" : "NAME")",
            zh ? "minsheng \\- 民声：接诉即办、走访与议事协商的命令行" : "minsheng \\- a shell for residents' requests, visits and consultation meetings",
            ".SH \(zh ? "用法" : "SYNOPSIS")",
            ".B minsheng",
            zh ? "[选项] [脚本…]" : "[options] [SCRIPT…]",
            ".SH \(zh ? "说明" : "DESCRIPTION")",
            esc(description.text(lang)),
            ".SH \(zh ? "选项" : "OPTIONS")",
        ]
        for o in options {
            out += [".TP", ".B " + esc(spelling(o, lang)), esc(o.help.text(lang))]
        }
        out.append(".SH \(zh ? "命令" : "COMMANDS")")
        out.append(
            esc(
                zh
                    ? "每条命令都可用英文或中文书写；在命令行中 帮助 命令 会给出选项和示例。"
                    : "Every command can be written in English or in Chinese; help COMMAND in the shell gives its options and an example."))
        for section in commands.sections {
            out.append(".SS " + esc(section.title.text(lang)))
            for c in section.commands {
                out += [".TP", ".B " + esc(c.usage(lang))]
                // Every other spelling: in Chinese the usage line names the command in Chinese, so the English one is listed here.
                let names = c.spellings.filter { $0 != c.spelling(lang) }.map { $0.joined(separator: " ") }
                out.append(esc(c.summary.text(lang) + (names.isEmpty ? "" : (zh ? "（" : " (") + names.joined(separator: zh ? "、" : ", ") + (zh ? "）" : ")"))))
            }
        }
        out.append(".SH \(zh ? "环境变量" : "ENVIRONMENT")")
        for e in environment { out += [".TP", ".B " + esc(e.name), esc(e.help.text(lang))] }
        out += [
            ".SH \(zh ? "文件" : "FILES")",
            ".TP", ".B ~/.minshengrc", esc(zh ? "启动交互式命令行时先执行的命令（--norc 跳过）" : "commands run when the interactive shell starts (skipped with --norc)"),
            ".TP", ".B ~/.local/share/minsheng/minsheng.db", esc(zh ? "默认数据库" : "the default database"),
            ".TP", ".B ~/.local/share/minsheng/history", esc(zh ? "命令历史" : "the command history"),
            ".SH \(zh ? "退出码" : "EXIT STATUS")",
            esc(zh ? "0 成功；1 有命令出错；64 命令行有误；130 被 Ctrl\\-C 中断。" : "0 success; 1 a command failed; 64 the command line is wrong; 130 interrupted with Ctrl-C."),
            ".SH \(zh ? "另见" : "SEE ALSO")",
            esc(zh ? "docs/LANGUAGE.md（命令语言）、docs/IMPORT.md（导入）、README.md" : "docs/LANGUAGE.md (the command language), docs/IMPORT.md (imports), README.md"),
        ]
        return out.joined(separator: "\n") + "\n"
    }

    // MARK: completion scripts

    /// A completion script for the shell named; descriptions in `lang`.
    public static func completionScript(_ shell: CompletionShell, _ lang: Language) -> String {
        switch shell {
        case .bash: return bashCompletion()
        case .zsh: return zshCompletion(lang)
        case .fish: return fishCompletion(lang)
        }
    }

    static func bashCompletion() -> String {
        func values(_ c: CommandLineOption.Completion) -> String {
            switch c {
            case .files: return "mapfile -t COMPREPLY < <(compgen -f -- \"$cur\"); return ;;"
            case .scripts: return "mapfile -t COMPREPLY < <(compgen -f -X '!*.msh' -- \"$cur\"; compgen -d -- \"$cur\"); return ;;"
            case .words(let w): return "mapfile -t COMPREPLY < <(compgen -W '\(w.joined(separator: " "))' -- \"$cur\"); return ;;"
            case .none: return "COMPREPLY=(); return ;;"
            }
        }
        var lines = [
            "# bash completion for minsheng: eval \"$(minsheng --completion bash)\"",
            "_minsheng() {",
            "    local cur=\"${COMP_WORDS[COMP_CWORD]}\" prev=\"${COMP_WORDS[COMP_CWORD-1]}\"",
            "    case \"$prev\" in",
        ]
        for o in options where o.takesValue {
            lines.append("        \(o.names.joined(separator: "|"))) \(values(o.completion))")
        }
        lines += [
            "    esac",
            "    if [[ \"$cur\" == -* ]]; then",
            "        mapfile -t COMPREPLY < <(compgen -W '\(options.flatMap(\.names).joined(separator: " "))' -- \"$cur\")",
            "    else",
            "        mapfile -t COMPREPLY < <(compgen -f -X '!*.msh' -- \"$cur\"; compgen -d -- \"$cur\")",
            "    fi",
            "}",
            "complete -o filenames -F _minsheng minsheng",
        ]
        return lines.joined(separator: "\n") + "\n"
    }

    /// A description for zsh's `[…]` and fish's `-d '…'`: one clause, no brackets or quotes.
    static func brief(_ o: CommandLineOption, _ lang: Language) -> String {
        var text = o.help.text(lang)
        for stop in [" (", "（", "; ", "；", ": ", "："] { if let r = text.range(of: stop) { text = String(text[..<r.lowerBound]) } }
        return text.replacingAll("'", with: "’").replacingAll("[", with: "(").replacingAll("]", with: ")").replacingAll(":", with: " ")
    }

    static func zshCompletion(_ lang: Language) -> String {
        var lines = ["#compdef minsheng", "# zsh completion for minsheng: minsheng --completion zsh > \"${fpath[1]}/_minsheng\"", "_arguments -s -S \\"]
        for o in options {
            let action: String
            switch o.completion {
            case .files: action = ":file:_files"
            case .scripts: action = ":script:_files -g \"*.msh\""
            case .words(let w): action = ":value:(\(w.joined(separator: " ")))"
            case .none: action = o.takesValue ? ":value: " : ""
            }
            let again = o.repeatable ? "*" : ""
            let equals = o.takesValue && o.names.count == 1 && o.name.hasPrefix("--") ? "=" : ""
            // `'(-h --help)'{-h,--help}'[…]'`: either spelling, once; `'*'{-c,--command}…`: again and again.
            let head =
                o.names.count > 1
                ? "'\(o.repeatable ? "*" : "(\(o.names.joined(separator: " ")))")'{\(o.names.joined(separator: ","))}'"
                : "'\(again)\(o.name)"
            lines.append("  \(head)\(equals)[\(brief(o, lang))]\(action)' \\")
        }
        lines.append("  '*:script:_files -g \"*.msh\"'")
        return lines.joined(separator: "\n") + "\n"
    }

    static func fishCompletion(_ lang: Language) -> String {
        var lines = ["# fish completion for minsheng: minsheng --completion fish > ~/.config/fish/completions/minsheng.fish"]
        for o in options {
            var parts = ["complete -c minsheng"]
            for n in o.names { parts.append(n.hasPrefix("--") ? "-l \(n.dropFirst(2))" : "-s \(n.dropFirst())") }
            switch o.completion {
            case .files: parts.append("-r -F")
            case .scripts: parts.append("-r -F")
            case .words(let w): parts.append("-x -a '\(w.joined(separator: " "))'")
            case .none: if o.takesValue { parts.append("-x") }
            }
            parts.append("-d '\(brief(o, lang))'")
            lines.append(parts.joined(separator: " "))
        }
        lines.append("complete -c minsheng -k -a '(__fish_complete_suffix .msh)'")
        return lines.joined(separator: "\n") + "\n"
    }
}
