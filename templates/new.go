package templates

import "embed"

// New holds the skeletons `handouts new` starts a briefing from, one per
// kind (policy-briefing.md, hot-topic.md). They are Go text/templates
// given .Title, .Kind, .Producer, .Updated, .Review and .ReviewMonths;
// the yaml function quotes a value for the front matter. A project's
// templates folder may hold a new/ folder that overrides them.
//
//go:embed new
var New embed.FS
