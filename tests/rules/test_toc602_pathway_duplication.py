from conftest import located, only


def model(*services: str) -> str:
    return "toc: 1\nnodes:\n" + "".join(services) + "  better: {type: outcome, term: long, label: Better}\n"


def service(node_id: str, level="universal", populations="[all-parents]", delivery="group", area=None) -> str:
    text = f"  {node_id}:\n    type: activity\n    label: {node_id}\n    level: {level}\n    populations: {populations}\n"
    if delivery:
        text += f"    delivery: {delivery}\n"
    if area:
        text += f"    area: {area}\n"
    return text + "    leads_to: [better]\n"


def test_same_cell_same_delivery_is_duplication_located_at_the_later_service():
    text = model(service("a"), service("b"), service("c", delivery="online"))
    assert located(text, "TOC602") == [("TOC602", 10, 3)]
    finding = only(text, "TOC602")[0]
    assert finding.message == '"b" duplicates "a": both at level "Universal", group, for "All parents"'
    assert finding.related[0].location.line == 3


def test_one_finding_per_pair_naming_every_shared_population():
    text = model(service("a", populations="[all-parents, send]"), service("b", populations="[send, all-parents]"))
    findings = only(text, "TOC602")
    assert len(findings) == 1
    assert findings[0].message.endswith('for "All parents", "Parents of children with SEND"')


def test_different_areas_different_levels_or_no_delivery_are_not_duplication():
    assert located(model(service("a", area="North"), service("b", area="South")), "TOC602") == []
    assert located(model(service("a"), service("b", level="targeted")), "TOC602") == []
    assert located(model(service("a", delivery=None), service("b", delivery=None)), "TOC602") == []


def test_an_area_wide_service_overlaps_a_local_one():
    assert located(model(service("a"), service("b", area="North")), "TOC602") == [("TOC602", 10, 3)]


def test_per_node_ignore_silences_it():
    text = model(service("a"), service("b").replace("    leads_to", "    ignore: [TOC602]\n    leads_to"))
    assert located(text, "TOC602") == []
