#pragma once
// The collecting lymph vessels of each territory, as a chain of stretches up the limb to
// the territory's nodes: each stretch holds at most its capacity, passes lymph on to the
// next stretch toward the nodes as far as that one has room, and the first stretch passes
// it through the nodes. Nodes let little through until a hand works over them, and stay
// open for a while after (docs/simulation.md). So a full proximal stretch holds back
// everything distal to it, and clearing from the nodes down makes room.
#include <string>
#include <vector>

#include <glm/vec3.hpp>

namespace legatlas::simulation {

struct CollectorParameters {
  double stretchMetres = 0.1;     // of the limb's length: one stretch of collectors
  double capacity = 6.0;          // ml a stretch holds
  double restingFlow = 0.05;      // per second: the share a stretch passes on, pumping by itself
  double strokedFlow = 0.2;       // per second, more under a very light hand along the flow
  double closedNodes = 0.001;     // per second: what closed nodes let through of the first stretch
  double openNodes = 0.05;        // per second: what fully open nodes let through
  double opening = 0.02;          // per second of very light work over the nodes, toward fully open
  double closing = 1.0 / 1200.0;  // per second: open nodes close again over twenty minutes or so
};

// One territory's nodes, where its collectors end.
struct NodeGroup {
  std::string territory;        // as the lymph flow names it, e.g. "superficial_inguinal_vertical"
  std::vector<glm::vec3> nodes;  // model frame; their mean height is where the chain ends
};

class LymphCollectors {
 public:
  // `territoryOf` gives each skin vertex's territory (an index into `groups`, -1 for none).
  // The chains of territories whose name holds "inguinal" end outside the leg; the others
  // (the knee's) pass through their nodes into the inguinal chain at their nodes' height.
  LymphCollectors(std::vector<NodeGroup> groups, const std::vector<glm::vec3>& skin,
                  const std::vector<int>& territoryOf, CollectorParameters parameters = {});

  // The stretch a skin vertex's lymph enters, or -1 when no vessel drains it.
  int stretchOf(size_t vertex) const { return stretchOfVertex_[vertex]; }
  size_t stretchCount() const { return stretches_.size(); }
  // The share of a stretch's capacity still free, 0 .. 1.
  double room(int stretch) const;
  void receive(int stretch, double ml) { stretches_[stretch].ml += ml; }
  void setHeld(int stretch, double ml) { stretches_[stretch].ml = ml; }
  // Fills every stretch to `share` of its capacity, as a long-standing swelling has them.
  void fill(double share);

  // Moves lymph along for `seconds`. `pumped` gives each stretch the share of a hand's
  // effect over it (0 .. 1, already weighed by pressure and direction); `atNodes` each
  // territory's.
  void flow(double seconds, const std::vector<double>& pumped, const std::vector<double>& atNodes);

  double held() const;
  // Millilitres that have left the leg through the inguinal nodes.
  double leftTheLeg() const { return leftTheLeg_; }
  // How open each territory's nodes are, 0 .. 1 (indexed as the groups).
  const std::vector<double>& nodesOpen() const { return open_; }
  // Where each territory's nodes are (indexed as the groups), to find a hand over them.
  const std::vector<NodeGroup>& groups() const { return groups_; }

 private:
  struct Stretch {
    int territory = 0;
    int next = -1;  // the stretch it passes lymph to; -1 through its nodes out of the leg
    bool first = false;  // ends at its territory's nodes
    double ml = 0;
  };
  std::vector<NodeGroup> groups_;
  CollectorParameters parameters_;
  std::vector<Stretch> stretches_;
  std::vector<int> stretchOfVertex_;
  std::vector<double> open_;
  double leftTheLeg_ = 0;
};

}  // namespace legatlas::simulation
