package pdfua

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// Counts is what a walk of one content stream finds: painting
// operators inside marked content with an MCID, inside artifacts, and
// outside both (which a screen reader would meet untagged), and the MCIDs.
type Counts struct {
	Tagged, Artifact, Untagged int
	mcids                      []int
	firstUntagged              string
}

// paintOps are the operators that put marks on a page.
var paintOps = map[string]bool{
	"Tj": true, "TJ": true, "'": true, "\"": true, // text
	"f": true, "F": true, "f*": true, "B": true, "B*": true, "b": true, "b*": true, "S": true, "s": true, // paths
	"Do": true, "sh": true, "EI": true, // images, shadings
}

// walkContent tokenizes a content stream and classifies its painting.
func walkContent(s string) Counts {
	var c Counts
	type mark struct {
		artifact bool
		mcid     int // -1 without
	}
	var stack []mark
	var operands []string
	for i := 0; i < len(s); {
		ch := s[i]
		switch {
		case ch == ' ' || ch == '\n' || ch == '\r' || ch == '\t':
			i++
		case ch == '%':
			for i < len(s) && s[i] != '\n' {
				i++
			}
		case ch == '(':
			n, j := 1, i+1
			for j < len(s) && n > 0 {
				switch s[j] {
				case '\\':
					j++
				case '(':
					n++
				case ')':
					n--
				}
				j++
			}
			operands = append(operands, s[i:j])
			i = j
		case ch == '<' && i+1 < len(s) && s[i+1] == '<':
			n, j := 0, i
			for j+1 < len(s) {
				if s[j] == '<' && s[j+1] == '<' {
					n++
					j += 2
					continue
				}
				if s[j] == '>' && s[j+1] == '>' {
					n--
					j += 2
					if n == 0 {
						break
					}
					continue
				}
				j++
			}
			operands = append(operands, s[i:j])
			i = j
		case ch == '<':
			j := strings.IndexByte(s[i:], '>')
			operands = append(operands, s[i:i+j+1])
			i += j + 1
		case ch == '[' || ch == ']':
			operands = append(operands, string(ch))
			i++
		default:
			j := i
			for j < len(s) && !strings.ContainsRune(" \n\r\t()<>[]%", rune(s[j])) {
				j++
			}
			if j == i {
				j++
			}
			tok := s[i:j]
			i = j
			if tok[0] == '/' || tok[0] == '-' || tok[0] == '.' || (tok[0] >= '0' && tok[0] <= '9') || tok == "true" || tok == "false" || tok == "null" {
				operands = append(operands, tok)
				continue
			}
			switch tok {
			case "BMC":
				stack = append(stack, mark{artifact: len(operands) > 0 && operands[len(operands)-1] == "/Artifact", mcid: -1})
			case "BDC":
				m := mark{mcid: -1}
				if len(operands) >= 2 {
					m.artifact = operands[len(operands)-2] == "/Artifact"
					if mm := mcidRe.FindStringSubmatch(operands[len(operands)-1]); mm != nil {
						m.mcid, _ = strconv.Atoi(mm[1])
						c.mcids = append(c.mcids, m.mcid)
					}
				}
				stack = append(stack, m)
			case "EMC":
				if len(stack) > 0 {
					stack = stack[:len(stack)-1]
				}
			default:
				if paintOps[tok] {
					inside := "none"
					for k := len(stack) - 1; k >= 0; k-- {
						if stack[k].artifact {
							inside = "artifact"
							break
						}
						if stack[k].mcid >= 0 {
							inside = "tagged"
							break
						}
					}
					switch inside {
					case "artifact":
						c.Artifact++
					case "tagged":
						c.Tagged++
					default:
						c.Untagged++
						if c.firstUntagged == "" {
							c.firstUntagged = fmt.Sprintf("%s %s", strings.Join(operands, " "), tok)
						}
					}
				}
			}
			operands = operands[:0]
		}
	}
	return c
}

var mcidRe = regexp.MustCompile(`/MCID\s+(\d+)`)
