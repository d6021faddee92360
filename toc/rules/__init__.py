"""The rule registry: every rule toc knows, by code.

Loader rules (TOC0xx) are reported while reading the file; the others run on
the typed model and its graph. Codes and names are user-facing and stable.
"""

from __future__ import annotations

from toc.rules import (
    backward_link,
    capacity_below_demand,
    capture_ambiguous_note,
    capture_duplicate_note,
    capture_empty_note,
    capture_unknown_note,
    capture_unknown_stage,
    capture_unreadable_notes,
    cycle,
    dead_end,
    disconnected,
    duplicate_indicator_id,
    duplicate_key,
    duplicate_link,
    empty_pathway_level,
    follow_up_after_final_report,
    forward_feedback,
    hidden_character,
    framework_outcome_not_addressed,
    indicator_not_collected,
    indicator_without_baseline,
    indicator_without_source,
    infeasible_comparison,
    instrument_in_text,
    measure_mismatch,
    method_mismatch,
    invalid_value,
    isolated_node,
    limit_exceeded,
    missing_field,
    missing_impact,
    no_path_to_impact,
    question_without_method,
    pathway_duplication,
    pathway_gap,
    self_link,
    sheet_layout,
    sheet_unknown_row_reference,
    sheet_unusable_cell,
    stage_leap,
    unevaluated_outcome,
    unexplained_link,
    unknown_field,
    unknown_method_or_measure,
    unknown_reference,
    unmeasured_outcome,
    undetectable_impact_claim,
    unsupported_outcome,
    unused_assumption,
    weak_critical_assumption,
    yaml_syntax,
    unreadable_actuals,
    unknown_indicator,
    value_not_a_number,
    duplicate_actual,
    bad_period,
    value_out_of_range,
    stale_data,
    missing_actuals,
)
from toc.rules.base import Rule

RULES: dict[str, Rule] = {
    module.RULE.code: module.RULE
    for module in (
        yaml_syntax,
        duplicate_key,
        unknown_field,
        invalid_value,
        missing_field,
        limit_exceeded,
        unknown_reference,
        self_link,
        duplicate_link,
        duplicate_indicator_id,
        hidden_character,
        isolated_node,
        dead_end,
        unsupported_outcome,
        no_path_to_impact,
        missing_impact,
        stage_leap,
        backward_link,
        cycle,
        disconnected,
        forward_feedback,
        unmeasured_outcome,
        indicator_without_source,
        indicator_without_baseline,
        indicator_not_collected,
        unexplained_link,
        weak_critical_assumption,
        unused_assumption,
        # Evaluation planning (TOC5xx).
        unevaluated_outcome,
        question_without_method,
        unknown_method_or_measure,
        method_mismatch,
        undetectable_impact_claim,
        infeasible_comparison,
        measure_mismatch,
        instrument_in_text,
        follow_up_after_final_report,
        # Support pathways (TOC6xx).
        pathway_gap,
        pathway_duplication,
        empty_pathway_level,
        capacity_below_demand,
        # Shared frameworks (TOC7xx).
        framework_outcome_not_addressed,
        # Monitoring over time: the actuals files (TOC8xx).
        unreadable_actuals,
        unknown_indicator,
        value_not_a_number,
        duplicate_actual,
        bad_period,
        value_out_of_range,
        stale_data,
        missing_actuals,
        # `toc import`: workshop notes and workbooks (TOC9xx), reported by toc.capture.
        capture_unknown_stage,
        capture_unknown_note,
        capture_ambiguous_note,
        capture_duplicate_note,
        capture_empty_note,
        capture_unreadable_notes,
        sheet_unusable_cell,
        sheet_unknown_row_reference,
        sheet_layout,
    )
}

RULES_BY_NAME: dict[str, Rule] = {rule.name: rule for rule in RULES.values()}


def find_rule(code_or_name: str) -> Rule | None:
    """A rule by code (TOC206, case-insensitive) or name (stage-leap)."""
    return RULES.get(code_or_name.upper()) or RULES_BY_NAME.get(code_or_name.lower())
