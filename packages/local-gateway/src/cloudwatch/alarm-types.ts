import type { Dimension } from "./series";

export type AlarmState = "OK" | "ALARM" | "INSUFFICIENT_DATA";

/** A MetricDataQuery as sent on the wire (PutMetricAlarm `Metrics`, GetMetricData `MetricDataQueries`). */
export interface WireMetricDataQuery {
  Id?: string;
  MetricStat?: {
    Metric?: { Namespace?: string; MetricName?: string; Dimensions?: Dimension[] };
    Period?: number;
    Stat?: string;
    Unit?: string;
  };
  Expression?: string;
  Label?: string;
  ReturnData?: boolean;
  Period?: number;
  AccountId?: string;
}

/** A metric alarm as stored (timestamps in ms); converted to the wire shape by DescribeAlarms. */
export interface StoredAlarm {
  AlarmName: string;
  AlarmArn: string;
  AlarmDescription?: string;
  ActionsEnabled: boolean;
  OKActions: string[];
  AlarmActions: string[];
  InsufficientDataActions: string[];
  StateValue: AlarmState;
  StateReason: string;
  StateReasonData?: string;
  StateUpdatedMs: number;
  StateTransitionedMs: number;
  ConfigurationUpdatedMs: number;
  MetricName?: string;
  Namespace?: string;
  Statistic?: string;
  ExtendedStatistic?: string;
  Dimensions: Dimension[];
  Period?: number;
  Unit?: string;
  EvaluationPeriods: number;
  DatapointsToAlarm?: number;
  Threshold: number;
  ComparisonOperator: string;
  TreatMissingData?: string;
  EvaluateLowSampleCountPercentile?: string;
  Metrics?: WireMetricDataQuery[];
  Tags?: Array<{ Key: string; Value: string }>;
}
