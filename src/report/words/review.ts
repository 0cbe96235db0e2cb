import type { RunComparison } from '../view/compare.js';
import type { ReportView } from '../view/report-view.js';
import { baselineSection } from './baseline-words.js';
import { compareSection } from './compare-words.js';
import type { ReviewDocument, Section } from './document.js';
import { findingsSection } from './findings-words.js';
import { cards, glance } from './glance.js';
import { factsLine, runSection, warningWords } from './run-words.js';
import { resilienceSection } from './resilience-words.js';
import { asymmetrySection, movesSection, rankingSection } from './scenario-words.js';
import { spofSection } from './spof-words.js';

/** The whole review in words, most urgent first: both renderers draw this document, in this order. */
export function reviewDocument(view: ReportView, comparison?: RunComparison): ReviewDocument {
  const sections: (Section | undefined)[] = [
    resilienceSection(view),
    spofSection(view),
    findingsSection(view),
    baselineSection(view),
    rankingSection(view),
    movesSection(view),
    asymmetrySection(view),
    runSection(view),
  ];
  return {
    title: ['whatif design review: ', { id: view.topology }],
    facts: factsLine(view),
    partial: view.facts.partial,
    warnings: view.warnings.map(warningWords),
    compare: comparison && compareSection(comparison),
    cards: cards(view),
    glance: glance(view),
    sections: sections.filter((s): s is Section => s !== undefined),
  };
}
