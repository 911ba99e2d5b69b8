// The labelled sets that measure the prose classifiers, one per rule that relies on a classifier.
// Pure: names the set's file (relative to the repository root) and how to read and score it; the
// tests and the documentation generator read the file and call `measureSplits`.
import { findIdentifyingData } from './identifying';
import { classifyMeasure } from './measures';
import { judgeParticipation } from './participation';

export interface LabelledSetSpec {
  /** The rules whose judgement the set measures. */
  rules: readonly string[];
  name: string;
  /** Path from the repository root. */
  file: string;
  /** The key of the list in the file. */
  key: string;
  labels: readonly [string, string];
  /** The label the classifier flags; precision and recall are for it. */
  positive: string;
  /** What the items are and what the positive label means, for the rule's documentation page. */
  describe: string;
  flag: (text: string) => boolean;
}

export const classifierSets: readonly LabelledSetSpec[] = [
  {
    rules: ['indicators/measures-outcome', 'value-for-money/results-pay-outcomes'],
    name: 'measures (output = positive)',
    file: 'test/fixtures/classifiers/measures.yaml',
    key: 'items',
    labels: ['output', 'outcome'],
    positive: 'output',
    describe: 'indicator definitions labelled as measuring an output (activity, volume, process) or an outcome (a change for children or families)',
    flag: (t) => classifyMeasure(t).label === 'output',
  },
  {
    rules: ['participation/shaping'],
    name: 'participation (informing = positive)',
    file: 'test/fixtures/classifiers/participation.yaml',
    key: 'items',
    labels: ['shaping', 'informing'],
    positive: 'informing',
    describe: 'participation statements labelled as children and families shaping the service (deciding, co-designing, sitting on panels) or only being informed or consulted',
    flag: (t) => judgeParticipation(t).level === 'informing',
  },
  {
    rules: ['participation/identifying-data'],
    name: 'identifying data (identifying = positive)',
    file: 'test/fixtures/classifiers/identifying.yaml',
    key: 'items',
    labels: ['identifying', 'safe'],
    positive: 'identifying',
    describe: 'sentences from case studies and participation sections labelled as identifying a child (a name with an age, school or place, a photograph, case detail, contact detail) or safe',
    flag: (t) => findIdentifyingData(t).length > 0,
  },
];
