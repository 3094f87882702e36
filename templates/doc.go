// Package templates embeds the default templates so the binary works from
// any folder: Word styles and parts (docx/), the PDF theme (pdf/) and the
// new-briefing skeletons (new/). Each set is embedded by a file of its own
// here. A project may override them with a templates folder of its own.
package templates
