import type { Rule } from './types';
import uniqueIds from './structure/unique-ids';
import templateText from './structure/template-text';
import quotedVersion from './structure/quoted-version';
import resolve from './references/resolve';
import frameworkTags from './references/framework-tags';
import tierModel from './references/tier-model';
import frameworkFiles from './references/framework-files';
import exprSyntax from './expressions/syntax';
import exprReferences from './expressions/references';
import exprTypes from './expressions/types';
import exprDates from './expressions/dates';
import exprTargetDirection from './expressions/target-direction';

import outcomesAtLeastOne from './outcomes/at-least-one';
import outcomesHasIndicator from './outcomes/has-indicator';
import outcomesOutputNotOutcome from './outcomes/output-not-outcome';
import outcomesSoftOutcome from './outcomes/soft-outcome';
import outcomesLongTermHorizon from './outcomes/long-term-horizon';
import outcomesCloseToHomeSafety from './outcomes/close-to-home-safety';
import outcomesWholeFamily from './outcomes/whole-family';
import outcomesPrevention from './outcomes/prevention';
import indicatorsBaseline from './indicators/baseline';
import indicatorsBaselineSource from './indicators/baseline-source';
import indicatorsTargetDate from './indicators/target-date';
import indicatorsDataSource from './indicators/data-source';
import indicatorsComparator from './indicators/comparator';
import indicatorsBaseN from './indicators/base-n';
import indicatorsTargetVsBaseline from './indicators/target-vs-baseline';
import tiersDefinition from './tiers/definition';
import tiersThreshold from './tiers/threshold';
import tiersReTiering from './tiers/re-tiering';
import tiersCoverage from './tiers/coverage';
import safeguardingSection from './safeguarding/section';
import safeguardingEscalation from './safeguarding/escalation';
import safeguardingLado from './safeguarding/lado';
import safeguardingTraining from './safeguarding/training';
import safeguardingReviewDate from './safeguarding/review-date';
import safeguardingBeyondChildProtection from './safeguarding/beyond-child-protection';
import valueForMoneyAwardWeights from './value-for-money/award-weights';
import valueForMoneyOutcomePaymentTerms from './value-for-money/outcome-payment-terms';
import valueForMoneyPriceOnly from './value-for-money/price-only';
import valueForMoneyPricePeriod from './value-for-money/price-period';
import valueForMoneySavingsProtection from './value-for-money/savings-protection';
import valueForMoneyInnovationDefinition from './value-for-money/innovation-definition';
import valueForMoneyFullCostRecovery from './value-for-money/full-cost-recovery';
import valueForMoneyContractKpis from './value-for-money/contract-kpis';
import participationInvolvement from './participation/involvement';
import participationNonIdentifying from './participation/non-identifying';
import governanceNamedLead from './governance/named-lead';
import governanceDeputy from './governance/deputy';
import governanceMonitoringFrequency from './governance/monitoring-frequency';
import governanceFirstReview from './governance/first-review';
import governanceLongTermReview from './governance/long-term-review';
import evaluationPlan from './evaluation/plan';
import evaluationMeasurableFrom from './evaluation/measurable-from';
import transitionsLookedAfterPathways from './transitions/looked-after-pathways';
import transitionsBlockAllocation from './transitions/block-allocation';
import marketSingleLot from './market/single-lot';
import marketAccreditations from './market/accreditations';
import marketSmallProviders from './market/small-providers';
import needsAssessment from './needs/assessment';
import needsTargetGroups from './needs/target-groups';
import jointCommissioningPartners from './joint-commissioning/partners';
import jointCommissioningAccountability from './joint-commissioning/accountability';
import jointCommissioningFunding from './joint-commissioning/funding';
import exitPlan from './exit/plan';
import exitSustainability from './exit/sustainability';
import terminologyOutdatedBodies from './terminology/outdated-bodies';
import terminologyBeds from './terminology/beds';
import terminologySynonyms from './terminology/synonyms';
import bidsSpecificationFound from './bids/specification-found';
import bidsCurrentVersion from './bids/current-version';
import bidsOutcomesAnswered from './bids/outcomes-answered';
import bidsIndicatorCommitments from './bids/indicator-commitments';
import bidsTargetAmbition from './bids/target-ambition';
import bidsPriceCeilings from './bids/price-ceilings';
import bidsPricesGiven from './bids/prices-given';
import bidsWithinBudget from './bids/within-budget';
import bidsRequirementsAnswered from './bids/requirements-answered';
import bidsPartialExplained from './bids/partial-explained';
import bidsNotCompliant from './bids/not-compliant';
import bidsAwardResponses from './bids/award-responses';
import bidsConsortium from './bids/consortium';
import bidsParticipation from './bids/participation';
import bidsSocialValue from './bids/social-value';
import bidsLotsNamed from './bids/lots-named';
import indicatorsBaselineAge from './indicators/baseline-age';
import tiersPartition from './tiers/partition';
import safeguardingMissingFromCare from './safeguarding/missing-from-care';
import safeguardingExploitation from './safeguarding/exploitation';
import safeguardingBarredList from './safeguarding/barred-list';
import safeguardingDesignatedLead from './safeguarding/designated-lead';
import safeguardingNotificationTime from './safeguarding/notification-time';
import safeguardingSupervision from './safeguarding/supervision';
import valueForMoneyShareAtRisk from './value-for-money/share-at-risk';
import valueForMoneyPriceOverQuality from './value-for-money/price-over-quality';
import valueForMoneyMoneyAddsUp from './value-for-money/money-adds-up';
import valueForMoneyResultsPayOutcomes from './value-for-money/results-pay-outcomes';
import indicatorsMeasuresOutcome from './indicators/measures-outcome';
import participationShaping from './participation/shaping';
import participationIdentifyingData from './participation/identifying-data';
import needsAgeRange from './needs/age-range';
import transitionsCareLeaverAge from './transitions/care-leaver-age';
import returnsSpecificationFound from './returns/specification-found';
import returnsUnknownIndicator from './returns/unknown-indicator';
import returnsRange from './returns/range';
import returnsOutsideTerm from './returns/outside-term';
import returnsDuplicatePeriod from './returns/duplicate-period';
import returnsMissingPeriod from './returns/missing-period';
import returnsNumerator from './returns/numerator';
import returnsSmallBase from './returns/small-base';
import returnsValue from './returns/value';

/** Every rule commspec ships, in the order their findings are listed in the docs. */
export const allRules: readonly Rule[] = [
  uniqueIds,
  templateText,
  quotedVersion,
  resolve,
  frameworkTags,
  tierModel,
  frameworkFiles,
  exprSyntax,
  exprReferences,
  exprTypes,
  exprDates,
  exprTargetDirection,
  outcomesAtLeastOne,
  outcomesHasIndicator,
  outcomesOutputNotOutcome,
  outcomesSoftOutcome,
  outcomesLongTermHorizon,
  outcomesCloseToHomeSafety,
  outcomesWholeFamily,
  outcomesPrevention,
  indicatorsBaseline,
  indicatorsBaselineSource,
  indicatorsTargetDate,
  indicatorsDataSource,
  indicatorsComparator,
  indicatorsBaseN,
  indicatorsTargetVsBaseline,
  indicatorsBaselineAge,
  indicatorsMeasuresOutcome,
  tiersDefinition,
  tiersThreshold,
  tiersReTiering,
  tiersCoverage,
  tiersPartition,
  safeguardingSection,
  safeguardingEscalation,
  safeguardingLado,
  safeguardingTraining,
  safeguardingReviewDate,
  safeguardingBeyondChildProtection,
  safeguardingMissingFromCare,
  safeguardingExploitation,
  safeguardingBarredList,
  safeguardingDesignatedLead,
  safeguardingNotificationTime,
  safeguardingSupervision,
  valueForMoneyAwardWeights,
  valueForMoneyOutcomePaymentTerms,
  valueForMoneyPriceOnly,
  valueForMoneyPricePeriod,
  valueForMoneySavingsProtection,
  valueForMoneyInnovationDefinition,
  valueForMoneyFullCostRecovery,
  valueForMoneyContractKpis,
  valueForMoneyShareAtRisk,
  valueForMoneyPriceOverQuality,
  valueForMoneyMoneyAddsUp,
  valueForMoneyResultsPayOutcomes,
  participationInvolvement,
  participationNonIdentifying,
  participationShaping,
  participationIdentifyingData,
  governanceNamedLead,
  governanceDeputy,
  governanceMonitoringFrequency,
  governanceFirstReview,
  governanceLongTermReview,
  evaluationPlan,
  evaluationMeasurableFrom,
  transitionsLookedAfterPathways,
  transitionsBlockAllocation,
  transitionsCareLeaverAge,
  marketSingleLot,
  marketAccreditations,
  marketSmallProviders,
  needsAssessment,
  needsTargetGroups,
  needsAgeRange,
  jointCommissioningPartners,
  jointCommissioningAccountability,
  jointCommissioningFunding,
  exitPlan,
  exitSustainability,
  terminologyOutdatedBodies,
  terminologyBeds,
  terminologySynonyms,
  bidsSpecificationFound,
  bidsCurrentVersion,
  bidsOutcomesAnswered,
  bidsIndicatorCommitments,
  bidsTargetAmbition,
  bidsPriceCeilings,
  bidsPricesGiven,
  bidsWithinBudget,
  bidsRequirementsAnswered,
  bidsPartialExplained,
  bidsNotCompliant,
  bidsAwardResponses,
  bidsConsortium,
  bidsParticipation,
  bidsSocialValue,
  bidsLotsNamed,
  returnsSpecificationFound,
  returnsUnknownIndicator,
  returnsRange,
  returnsOutsideTerm,
  returnsDuplicatePeriod,
  returnsMissingPeriod,
  returnsNumerator,
  returnsSmallBase,
  returnsValue,
];
