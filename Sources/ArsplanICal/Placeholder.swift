import Arsplan
